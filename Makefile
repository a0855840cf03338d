# podsynth: Markdown episodes in, a finished podcast out.
#
#   make              build ./podsynth (installs missing libraries first)
#   make episode      render every non-draft episode that changed, write the feed
#   make episode EP=episodes/x.md          render one episode
#   make segment EP=episodes/x.md SEG=ID   re-synthesise one segment
#   make test         run the test suite (last line: N passed, N failed)
#   make install PREFIX=/usr/local DESTDIR=

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/podsynth
CC       ?= cc
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

# Every library, by its pkg-config name.
PKGS = espeak-ng md4c md4c-html yaml-0.1 sndfile soxr libebur128 \
       vorbisenc vorbis vorbisfile ogg libxml-2.0 libxxhash uuid \
       lame libmpg123 libopusenc opusfile libcrypto

# Recursive (=) on purpose: pkg-config runs when a recipe needs the flags,
# which is after the `deps` prerequisite has installed what was missing.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))

# SANITIZE=1 builds everything with ASan and UBSan into its own places, so
# the two builds never overwrite each other.
ifeq ($(SANITIZE),1)
# float-cast-overflow is not in GCC's "undefined"; the fuzzer found such a bug.
SANFLAGS = -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer
# verify_asan_link_order=0: some tests LD_PRELOAD a shim, which ASan refuses otherwise.
export ASAN_OPTIONS ?= halt_on_error=1:abort_on_error=1:detect_leaks=1:verify_asan_link_order=0
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1
OBJDIR   = build/obj-san
BIN      = build/san/podsynth
UNITDIR  = build/unit-san
else
SANFLAGS =
OBJDIR   = build/obj
BIN      = podsynth
UNITDIR  = build/unit
endif

CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wno-unused-parameter
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) \
	     -DPODSYNTH_VERSION='"0.1.0"' -DPODSYNTH_DATADIR='"$(DATADIR)"'
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
LIBS = $(PKG_LIBS) -lm

SRCS  = $(wildcard src/*.c)
OBJS  = $(SRCS:src/%.c=$(OBJDIR)/%.o)
LIBOBJS = $(filter-out $(OBJDIR)/main.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(UNITDIR)/%)

EPISODES = $(wildcard episodes/*.md)
EP ?=
# The program the episode targets run; a test may point it elsewhere.
PODSYNTH ?= ./podsynth

.PHONY: all deps episode segment feed test unit bench fuzz valgrind install uninstall clean

all: $(BIN)

deps:
	@pkg-config --exists $(PKGS) 2>/dev/null || scripts/install-deps

$(BIN): $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(OBJDIR)/%.o: src/%.c $(wildcard src/*.h) | deps
	@mkdir -p $(OBJDIR)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(UNITDIR)/%: tests/unit/%.c tests/unit/harness.h $(LIBOBJS) | deps
	@mkdir -p $(UNITDIR)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(ALL_LDFLAGS) $(LIBS)

unit: $(UNIT_BINS)

# Each episode is rendered again only when it, the show settings, the voices
# or the program changed; the stamp records the last good render.
# Drafts are skipped by the program itself (podsynth build leaves them out).
build/stamps/%.ok: episodes/%.md $(PODSYNTH) $(wildcard rss/channel.yaml) $(wildcard voices/*)
	@mkdir -p build/stamps
	$(PODSYNTH) build -j $(JOBS) $<
	@touch $@

ifeq ($(EP),)
episode: $(EPISODES:episodes/%.md=build/stamps/%.ok)
	$(PODSYNTH) feed
	@echo "episodes: rss/episodes/   feed: rss/feed.xml"
else
episode: $(PODSYNTH)
	$(PODSYNTH) build -j $(JOBS) $(EP)
	$(PODSYNTH) feed
endif

segment: $(PODSYNTH)
	@test -n "$(EP)" -a -n "$(SEG)" || { echo "usage: make segment EP=episodes/x.md SEG=ID" >&2; exit 2; }
	$(PODSYNTH) render $(EP) --segment $(SEG)
	$(PODSYNTH) feed

feed: $(PODSYNTH)
	$(PODSYNTH) feed

test: $(BIN) unit
	@PODSYNTH=$(CURDIR)/$(BIN) UNIT_DIR=$(UNITDIR) tests/run.sh

bench: podsynth
	@scripts/bench

# libFuzzer targets (clang), FUZZ_SECONDS per target; see docs/testing.md.
FUZZ_SECONDS ?= 60
fuzz: | deps
	scripts/fuzz $(FUZZ_SECONDS)

# The test suite's program invocations under valgrind: no errors, no definite leaks.
valgrind: podsynth unit
	scripts/valgrind-tests

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/voices
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/podsynth
	install -m 644 docs/podsynth.1 $(DESTDIR)$(MANDIR)/man1/podsynth.1
	install -m 644 voices/* $(DESTDIR)$(DATADIR)/voices/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/podsynth $(DESTDIR)$(MANDIR)/man1/podsynth.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build podsynth
