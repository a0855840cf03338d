#!/usr/bin/env bash
# The layers of src/ (docs/design.md, "The layers"), kept by scripts/check-layers:
# a folder includes its own headers and the public header of a folder below
# it, never above; no include cycle between modules. The same checker is
# shown to fail on a copy of src/ with each kind of breach planted in it.
. "$(dirname "$0")/lib.sh"
cd "$SCRATCH" || exit 1

"$TOP/scripts/check-layers" "$TOP/src" >layers.txt 2>&1
rc=$?
check_eq "src/ keeps its layers" "$rc:$(head -n 5 layers.txt)" "0:"

# The order is read from docs/design.md, and every folder of src/ is in it.
order=$(sed -n 's/^Layers, bottom first: *//p' "$TOP/docs/design.md")
check "docs/design.md states the order" test -n "$order"
for d in "$TOP"/src/*/; do
	d=$(basename "$d")
	[ "$d" = templates ] && continue
	case " $(echo "$order" | tr -d '<') " in
	*" $d "*) ok "src/$d/ is a layer of the order" ;;
	*) fail "src/$d/ is not in docs/design.md's order" ;;
	esac
done

# plant SRC-RELATIVE-FILE TEXT: a copy of src/ with TEXT added to one file;
# the checker's answer on it is in planted.txt, and it must fail.
plant() {
	rm -rf planted && cp -r "$TOP/src" planted
	printf '%s\n' "$2" >>"planted/$1"
	! "$TOP/scripts/check-layers" planted >planted.txt 2>&1
}
check "an include that runs upward is refused, at its file and line" \
	bash -c "$(declare -f plant); plant core/util.c '#include \"cmd/cmd.h\"' &&
		grep -q '^core/util.c:[0-9]*: includes \"cmd/cmd.h\": cmd is above core' planted.txt"
check "a private header of another folder is refused" \
	bash -c "$(declare -f plant); plant cmd/build.c '#include \"render/render_int.h\"' &&
		grep -q '^cmd/build.c:[0-9]*: includes \"render/render_int.h\": only render/render.h is public' planted.txt"
plant core/util.c '#include "msg.h"'
check "an include cycle inside a folder is refused" \
	grep -q '^core/util.c:[0-9]*: an include cycle: core/\(msg -> core/util -> core/msg\|util -> core/msg -> core/util\)$' planted.txt
check "a folder's own header by its path is refused" \
	bash -c "$(declare -f plant); plant show/voice.c '#include \"show/show.h\"' &&
		grep -q '^show/voice.c:[0-9]*: includes \"show/show.h\": a header of its own folder' planted.txt"
rm -rf planted && cp -r "$TOP/src" planted && printf '/* x */\n' >planted/stray.c
"$TOP/scripts/check-layers" planted >planted.txt 2>&1
check "a source file outside the folders is refused" grep -q '^stray.c: a source file outside' planted.txt
