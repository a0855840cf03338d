# podsynth: Markdown episodes in, a finished podcast out.
#
#   make              build ./podsynth (installs missing libraries first)
#   make episode      render every non-draft episode that changed, write the feed
#   make episode EP=episodes/x.md          render one episode
#   make segment EP=episodes/x.md SEG=ID   re-synthesise one segment
#   make preview      serve rss/ on 127.0.0.1 to look at the website
#   make test         run the test suite (last line: N passed, N failed)
#   make regen        regenerate every golden file (then review git diff tests/)
#   make install PREFIX=/usr/local DESTDIR=

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DATADIR  ?= $(PREFIX)/share/podsynth
CC       ?= cc
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

# Every library the program links, by its pkg-config name.
PKGS = md4c md4c-html yaml-0.1 sndfile soxr libebur128 \
       vorbisenc vorbis vorbisfile ogg libxml-2.0 libxxhash uuid \
       libpng libjpeg hunspell opus \
       lame libmpg123 libopusenc opusfile
PKGS += zlib
# where a Chinese caption line may break (transcript.c)
PKGS += icu-uc
# Libraries opened on first use (core/dynlib.h), not linked: only their
# headers at build time. Linked, they and what they pull in (101 shared
# objects in all) were mapped and relocated at every start of every
# command; see docs/performance.md. The speaking processes open espeak-ng
# (synth_worker.c), the artwork pangocairo (artwork.c), the mail reader
# GMime (mail.c), the studio its web server, database and hashing, the
# publisher libcrypto's SHA-384 (pubcheck.c).
DL_PKGS = espeak-ng pangocairo gmime-3.0 libmicrohttpd sqlite3 libsodium libcrypto

# Recursive (=) on purpose: pkg-config runs when a recipe needs the flags,
# which is after the `deps` prerequisite has installed what was missing.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(DL_PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
# The sonames the program opens, read from the libraries it builds against
# (the -dev package's lib*.so), once per make run.
soname = $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" 2>/dev/null | sed -n 's/^ *SONAME *//p')
SONAME_DEFS = $(eval SONAME_DEFS := \
	-DPODSYNTH_SONAME_ESPEAK='"$(call soname,espeak-ng)"' \
	-DPODSYNTH_SONAME_PANGOCAIRO='"$(call soname,pangocairo-1.0)"' \
	-DPODSYNTH_SONAME_GMIME='"$(call soname,gmime-3.0)"' \
	-DPODSYNTH_SONAME_MHD='"$(call soname,microhttpd)"' \
	-DPODSYNTH_SONAME_SQLITE='"$(call soname,sqlite3)"' \
	-DPODSYNTH_SONAME_SODIUM='"$(call soname,sodium)"' \
	-DPODSYNTH_SONAME_CRYPTO='"$(call soname,crypto)"')$(SONAME_DEFS)

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
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -Isrc $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) \
	     -DPODSYNTH_VERSION='"0.1.0"' -DPODSYNTH_DATADIR='"$(DATADIR)"' $(SONAME_DEFS)
# -z now: the program's calls into the libraries are bound when it starts
# (400 slots, a fraction of a millisecond) instead of on first use in each
# process: every speech piece is a fresh fork whose first calls were each
# looked up again across the 37 objects mapped (about 0.3 s of a cold
# build's CPU, issue 25), and the bound table is then read-only (full RELRO).
ALL_LDFLAGS = -Wl,-z,now $(LDFLAGS) $(SANFLAGS)
# libmp3lame and Flite (flite1-dev: the engine, its US English language
# and lexicon) have no .pc file on Debian. The four CMU voices' libraries
# are opened when a worker first speaks with one (synth_flite.c).
FLITE_LIBS = -lflite_usenglish -lflite_cmulex -lflite
LIBS = $(PKG_LIBS) $(FLITE_LIBS) -lmp3lame -lpthread -lm

SRCS  = $(sort $(wildcard src/*/*.c) src/publish/site_assets.c src/script/speech_vocab.c \
	  $(foreach t,$(EMBEDDED),src/script/$(word 1,$(subst :, ,$(t))).c))
OBJS  = $(SRCS:src/%.c=$(OBJDIR)/%.o) $(OBJDIR)/script/words_data.o
LIBOBJS = $(filter-out $(OBJDIR)/cmd/main.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(UNITDIR)/%)

EPISODES = $(wildcard episodes/*.md)
EP ?=
# The program the episode targets run; a test may point it elsewhere.
PODSYNTH ?= ./podsynth

.PHONY: all deps print-sonames test-deps episode segment feed preview test unit regen bench bench-voices fuzz valgrind install uninstall clean

all: $(BIN)

# The -D flags naming the libraries opened on first use (scripts/fuzz).
print-sonames:
	@echo $(SONAME_DEFS)

deps:
	@pkg-config --exists $(PKGS) $(DL_PKGS) 2>/dev/null && test -e /usr/include/flite/flite.h && test -d /usr/share/dict/scowl || scripts/install-deps

$(BIN): $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJS) $(LIBS)

# The website's CSS and JavaScript, built into the program (see src/publish/site_assets.h).
SITE_ASSETS = src/publish/site/podsynth.css src/publish/site/podsynth.js src/publish/site/favicon.svg
src/publish/site_assets.c: $(SITE_ASSETS) scripts/embed-assets
	scripts/embed-assets $(SITE_ASSETS) >$@.tmp && mv $@.tmp $@

# The kernel vocabulary, built into the program (kernel.vocab is made by
# scripts/kernel-vocab from Debian's linux-source-6.1; see docs/lexicon.md).
src/script/speech_vocab.c: src/script/kernel.vocab scripts/embed-vocab
	scripts/embed-vocab src/script/kernel.vocab >$@.tmp && mv $@.tmp $@
# The other data tables built into the program in the same way, each as
# GENERATED.c:DATA:SYMBOL: the parts of kernel names with their counts
# (kernel.parts, scripts/kernel-parts), the makers written in mixed case
# (vendor.names, scripts/vendor-names, from the kernel's device-tree vendor
# prefixes), the acronyms of mail and chat (chat.acronyms,
# scripts/chat-acronyms, from NetBSD's list in Debian's bsdgames), the names
# kernel text writes capitalised (kernel.names, scripts/kernel-names), the
# forms hunspell en_US adds to scowl (hunspell.words, scripts/hunspell-words)
# the pinyin syllables with their respellings (pinyin.table,
# scripts/pinyin-table) and the words of developers' names (people.names,
# scripts/people-names).
EMBEDDED = speech_parts:kernel.parts:kernel_parts_text speech_vendor:vendor.names:vendor_names_text \
	   speech_chat:chat.acronyms:chat_acronyms_text speech_names:kernel.names:kernel_names_text \
	   speech_hunspell:hunspell.words:hunspell_words_text speech_pinyin_table:pinyin.table:pinyin_table_text \
	   speech_people:people.names:people_names_text
define embed_rule
src/script/$(1).c: src/script/$(2) scripts/embed-vocab
	scripts/embed-vocab src/script/$(2) $(3) >$$@.tmp && mv $$@.tmp $$@
endef
$(foreach t,$(EMBEDDED),$(eval $(call embed_rule,$(word 1,$(subst :, ,$(t))),$(word 2,$(subst :, ,$(t))),$(word 3,$(subst :, ,$(t))))))

# Debian's scowl word lists as the table the program carries
# (src/script/words_table.h), so that it parses nothing at start: made by
# words-table (scripts/words-table.c) again whenever the lists,
# hunspell.words or the table's code change. words.sum is rewritten only
# when a checksum of the directory (its names and contents) changes, so
# that an upgraded scowl, whose files keep the package's dates, is noticed.
SCOWL_DIR ?= /usr/share/dict/scowl
$(OBJDIR)/words.sum: FORCE
	@mkdir -p $(dir $@)
	@{ echo "$(SCOWL_DIR)"; ls "$(SCOWL_DIR)" 2>&1; cat "$(SCOWL_DIR)"/* 2>&1; } | cksum >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
$(OBJDIR)/words-table: scripts/words-table.c $(OBJDIR)/script/words_table.o $(OBJDIR)/script/speech_hunspell.o \
		$(filter $(OBJDIR)/core/%,$(OBJS)) | deps
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(LIBS)
$(OBJDIR)/words.tab: $(OBJDIR)/words-table $(OBJDIR)/words.sum
	$(OBJDIR)/words-table "$(SCOWL_DIR)" $@
$(OBJDIR)/script/words_data.o: $(OBJDIR)/words.tab
	@mkdir -p $(dir $@)
	printf '\t.section .rodata\n\t.balign 64\n\t.globl words_table_data, words_table_data_end\nwords_table_data:\n\t.incbin "%s"\nwords_table_data_end:\n\t.section .note.GNU-stack,"",@progbits\n' $< | \
		$(CC) $(SANFLAGS) -c -x assembler -o $@ -
.PHONY: FORCE
FORCE:

# Header dependencies come from the compiler (-MMD -MP): each object
# depends on exactly the headers it includes, listed in its .d file. An
# object without its .d file (an older build) is compiled again once.
$(OBJDIR)/%.o: src/%.c $(OBJDIR)/%.d | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(UNITDIR)/%: tests/unit/%.c $(UNITDIR)/%.d $(LIBOBJS) | deps
	@mkdir -p $(UNITDIR)
	$(CC) $(ALL_CFLAGS) -MMD -MP -MF $@.d -MT $@ -Isrc -o $@ $< $(LIBOBJS) $(ALL_LDFLAGS) $(LIBS)

$(OBJDIR)/%.d $(UNITDIR)/%.d: ;
.PRECIOUS: $(OBJDIR)/%.d $(UNITDIR)/%.d
-include $(OBJS:.o=.d) $(UNIT_BINS:=.d)

unit: $(UNIT_BINS)

# The codec layer's bench driver (scripts/bench runs it).
build/chunkbench: tests/bench/chunkbench.c tests/unit/speechlike.h $(LIBOBJS) | deps
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(ALL_LDFLAGS) $(LIBS)

# The loudness meter alone, for instruction counts (docs/performance.md).
build/meterbench: tests/bench/meterbench.c tests/unit/speechlike.h $(LIBOBJS) | deps
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< $(LIBOBJS) $(ALL_LDFLAGS) $(LIBS)

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

# The site in rss/ on http://127.0.0.1:$(PORT)/, with range requests (see scripts/preview).
PORT ?= 8000
preview:
	@scripts/preview --port $(PORT) --dir rss

# axe-core (npm), the accessibility checker tests/t-site.sh runs in the browser,
# at one exact version (tests/t-deps.sh checks that every npm package is pinned).
AXE_VERSION = 4.14.1
AXE_JS = build/npm/node_modules/axe-core/axe.min.js
$(AXE_JS): | test-deps
	npm install --prefix build/npm --no-audit --no-fund --silent --save-exact axe-core@$(AXE_VERSION)

# The tools the tests check with, installed as make episode installs the
# libraries (as root; otherwise the command to run is printed and make stops).
test-deps:
	@scripts/install-deps --test

# Lighthouse (npm), run by tests/t-lighthouse.sh against Debian's chromium
# (CHROME_PATH, nothing downloaded), and podcast-partytime, the feed parser
# tests/t-site.sh reads the feed's podcast:person with; pinned like axe-core.
LIGHTHOUSE_VERSION = 12.8.2
LIGHTHOUSE_JS = build/npm/node_modules/lighthouse/cli/index.js
$(LIGHTHOUSE_JS): | test-deps
	npm install --prefix build/npm --no-audit --no-fund --silent --save-exact lighthouse@$(LIGHTHOUSE_VERSION)
PARTYTIME_VERSION = 5.0.0
PARTYTIME_JS = build/npm/node_modules/podcast-partytime/dist/index.js
$(PARTYTIME_JS): | test-deps
	npm install --prefix build/npm --no-audit --no-fund --silent --save-exact podcast-partytime@$(PARTYTIME_VERSION)

test: test-deps $(BIN) unit $(AXE_JS) $(LIGHTHOUSE_JS) $(PARTYTIME_JS)
	@PODSYNTH=$(CURDIR)/$(BIN) UNIT_DIR=$(UNITDIR) tests/run.sh

# Regenerates every golden file (tests/*/...) from the current program, on
# purpose: review with git diff tests/ before committing. The one way to do it.
regen: $(BIN)
	@PODSYNTH=$(abspath $(BIN)) tests/regen.sh

bench: podsynth build/chunkbench
	@scripts/bench
	@scripts/bench-studio

# How well a recogniser understands each voice profile (pocketsphinx on the
# Harvard sentences), and how fast each speaks; docs/voices.md.
bench-voices: podsynth
	@scripts/bench-voices

# libFuzzer targets (clang), FUZZ_SECONDS per target; see docs/testing.md.
FUZZ_SECONDS ?= 60
fuzz: $(OBJDIR)/script/words_data.o | deps
	scripts/fuzz $(FUZZ_SECONDS)

# The test suite's program invocations under valgrind: no errors, no definite leaks.
valgrind: podsynth unit
	scripts/valgrind-tests

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/voices
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/podsynth
	install -m 644 docs/podsynth.1 $(DESTDIR)$(MANDIR)/man1/podsynth.1
	install -m 644 voices/* $(DESTDIR)$(DATADIR)/voices/
	install -d $(DESTDIR)$(DATADIR)/templates
	install -m 644 src/templates/*.md $(DESTDIR)$(DATADIR)/templates/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/podsynth $(DESTDIR)$(MANDIR)/man1/podsynth.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build podsynth
