# tests/lib.sh: sourced by every tests/t-*.sh.
#
#   ok / fail DESCRIPTION          report one result
#   check DESCRIPTION CMD...       ok when CMD succeeds
#   check_eq DESCRIPTION GOT WANT  ok when the strings are equal
#   newproj                        a scratch project in $PROJ (cd'ed into):
#                                  voices/, rss/channel.yaml, episodes/
set -u
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export TOP
: "${PODSYNTH:=$TOP/podsynth}"
export LC_ALL=C.UTF-8

ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }
check() {
	local d=$1; shift
	if "$@"; then ok "$d"; else fail "$d"; fi
}
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: got '$2', want '$3'"; fi
}

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/podsynth-t.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT

newproj() {
	PROJ=$(mktemp -d "$SCRATCH/proj.XXXXXX")
	mkdir -p "$PROJ/rss" "$PROJ/episodes"
	cp -r "$TOP/voices" "$PROJ/voices"
	if [ -f "$TOP/rss/channel.yaml" ]; then cp "$TOP/rss/channel.yaml" "$PROJ/rss/"; fi
	export PODSYNTH_CACHE="$PROJ/build/cache"
	cd "$PROJ" || exit 1
}

# A file's tree of checksums, to show that nothing in rss/ changed.
tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) 2>/dev/null; }
