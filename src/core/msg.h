/*
 * msg.h: the catalogue of messages (as mandoc's mandoc.h and mandoc_msg.c):
 * every diagnostic about an episode, the show settings, a voice profile, a
 * lexicon, an asset, the feed, a mailbox or a template, every file that
 * cannot be read or written and the program's own errors has a row here
 * with its level and text. In: a message id, the file and line it is about
 * (the command, "podsynth draft", where no file is) and the detail (the
 * subject, quoted; a strerror or library reason last, unquoted). Out: one
 * line on stderr through diag() (below), "file:line: level: text",
 * counted for the exit status. Only msg.c calls diag() (tests/t-messages.sh).
 * Above util.h and text.h, which report nothing: their failures come back
 * to a caller that reports them here (msg_commit_tmp does it for
 * commit_tmp's directory warning).
 *
 * A text's "%s" holes take the call's detail (formatted by the caller with
 * a printf format the compiler checks), split at MSG_SEP when the text has
 * more than one; a text without a hole takes no detail. The catalogue is listed by `podsynth check
 * --messages` and docs/messages.md; tests/t-bad.sh checks that every
 * tests/bad/ expectation is one of its texts.
 *
 * To add a message: one row below, at the place of its area.
 */
#ifndef PODSYNTH_MSG_H
#define PODSYNTH_MSG_H

#include <stdarg.h>

#include "util.h"

/*
 * Diagnostics. file may be NULL (then "podsynth:" is the prefix); line and
 * col are 1-based, 0 when unknown. Errors and warnings are counted; the
 * worst level seen so far decides the exit status (diag_exit_status).
 * Only msg.c calls diag() and vdiag(); everyone else calls msg().
 */
enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };
void diag(enum diag_level lvl, const char *file, int line, int col,
	  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void vdiag(enum diag_level lvl, const char *file, int line, int col,
	   const char *fmt, va_list ap);
int diag_count(enum diag_level lvl);
/* 0 when no error was reported, 1 otherwise. */
int diag_exit_status(void);
/* Quiet mode drops notes (not warnings or errors). */
void diag_set_quiet(int quiet);
/*
 * Muted, diagnostics are neither printed nor counted: for reading files
 * only to learn something about them (their own check reports them).
 * Returns the previous setting, to restore.
 */
int diag_set_muted(int muted);

#define PODSYNTH_MSGS(X) \
	/* any input file */ \
	X(FILE_UNREADABLE, ERROR, "cannot read %s: %s") \
	X(FILE_UTF8, ERROR, "invalid UTF-8%s") \
	X(FILE_NUL, ERROR, "NUL byte in the file") \
	X(YAML_SYNTAX, ERROR, "invalid YAML: %s") \
	X(YAML_COLON, ERROR, "a value with \": \" in it must be in quotes: write %s") \
	X(YAML_QUOTE, ERROR, "the quote opened at line %s is not closed: end the value with %s") \
	X(YAML_START, ERROR, "a value cannot start with %s: put the value in quotes") \
	X(YAML_INDENT, ERROR, "this line is not \"key: value\" at the indentation of the lines before it") \
	X(YAML_DEEP, ERROR, "nested more than %s levels deep (no setting needs as many): not read") \
	X(YAML_TAB, ERROR, "a tab in the indentation: indent with spaces") \
	X(YAML_PARSER, ERROR, "cannot start the YAML parser") \
	X(YAML_NOT_TEXT, ERROR, "%s: expected text, not a list or mapping") \
	X(YAML_NOT_INT, ERROR, "%s: expected a whole number") \
	X(YAML_NOT_NUMBER, ERROR, "%s: expected a number") \
	X(YAML_RANGE, ERROR, "%s is out of range (%s)") \
	X(YAML_NOT_BOOL, ERROR, "%s: expected true or false") \
	X(YAML_NOT_LIST, ERROR, "%s: expected a list") \
	X(YAML_NOT_TEXT_LIST, ERROR, "%s: expected a list of text items") \
	/* episode: front matter */ \
	X(FM_MISSING, ERROR, "missing front matter: the file must start with a \"---\" line, then title: and date:") \
	X(FM_NOT_CLOSED, ERROR, "front matter is not closed: no \"---\" line after it") \
	X(FM_NOT_MAPPING, ERROR, "front matter must be \"key: value\" lines") \
	X(FM_NO_KEY, ERROR, "expected a key") \
	X(FM_UNKNOWN_KEY, WARNING, "unknown front matter key %s (ignored)") \
	X(FM_NO_TITLE, ERROR, "missing title: in the front matter") \
	X(FM_NO_DATE, ERROR, "missing date: give date: YYYY-MM-DD or name the file YYYY-MM-DD-name.md") \
	X(FM_NO_SLUG, ERROR, "cannot make a slug from the file name: give slug: in the front matter") \
	X(FM_BAD_DATE, ERROR, "bad date %s: expected YYYY-MM-DD, optionally with a time") \
	X(FM_IMPOSSIBLE_DATE, ERROR, "impossible date %s: %s") \
	X(FM_DATE_NAME, WARNING, "date %s is not the date in the file name %s: the feed uses date:") \
	X(FM_BAD_LANG, ERROR, "bad language %s: expected a BCP 47 tag such as en or zh-CN") \
	X(FM_BAD_SLUG, ERROR, "unsafe slug %s: use only a-z, 0-9 and -") \
	X(FM_BAD_TYPE, ERROR, "bad episode type %s: expected full, trailer or bonus") \
	X(FM_LEXICON_NOT_MAPPING, ERROR, "lexicon: expected \"word: how to say it\" lines") \
	X(FM_LEXICON_ENTRY, ERROR, "lexicon: expected \"word: how to say it\"") \
	X(FM_TABLE_ROWS_KEY, ERROR, "table_rows: expected \"default\" or a table's number (1 for the first), not %s") \
	X(FM_WRITERS, ERROR, "writers: %s") \
	X(BAD_LICENSE, ERROR, "unknown licence %s: expected an SPDX identifier such as cc-by-4.0 or cc-by-nc-nd-4.0") \
	/* episode: body */ \
	X(BODY_UNPARSED, ERROR, "cannot parse the Markdown body") \
	X(BODY_LONG_PARAGRAPH, ERROR, "a paragraph of more than %s lines: put a blank line between paragraphs") \
	X(BODY_EMPTY, ERROR, "empty body: nothing to speak") \
	X(BODY_SILENT, WARNING, "nothing to speak in %s") \
	X(SPEECH_BAD_MARKUP, ERROR, "bad speech markdown %s") \
	X(SPEECH_UNTERMINATED_VALUE, ERROR, "unterminated value in %s") \
	X(SPEECH_UNKNOWN_MODIFIER, ERROR, "unknown speech markdown modifier %s") \
	X(SPEECH_UNTERMINATED, ERROR, "unterminated speech markdown %s") \
	X(SPEECH_BAD_PAUSE, ERROR, "bad pause %s") \
	X(SPEECH_PAUSE_TOO_LONG, ERROR, "pause too long %s") \
	X(SPEECH_NO_LANG_VOICE, ERROR, "no voice for language %s") \
	X(SPEECH_NO_MANDARIN, ERROR, "no Mandarin voice for %s") \
	X(SPEECH_SAY_AS, WARNING, "cannot say %s as %s: spoken as written") \
	X(SPEECH_BAD_LEVEL, ERROR, "bad %s %s") \
	X(SPEECH_IPA, WARNING, "unknown IPA symbol %s in %s: spoken as written") \
	X(SPEECH_SPOKEN_MARKUP, WARNING, "%s looks like markup but is read aloud%s") \
	X(SPEECH_IGNORED_MODIFIER, WARNING, "unknown speech markdown modifier %s (ignored, the text is spoken)") \
	X(SPEECH_ENGINE_CANNOT, WARNING, "voice %s cannot %s: spoken without it%s") \
	X(INSERT_BAD, ERROR, "bad audio insert %s: expected [audio:\"file.wav\"]") \
	X(INSERT_UNREADABLE, ERROR, "cannot read audio insert %s: %s") \
	X(INSERT_OUTSIDE, ERROR, "audio file %s is outside the project: copy it into the project and name it from the episode's folder") \
	X(SYNTH_TOO_LONG, ERROR, "segment too long to synthesise") \
	X(DUP_SLUG, ERROR, "duplicate slug %s: each episode needs its own (its files are named after it)") \
	X(DUP_GUID, ERROR, "duplicate guid %s: each episode needs its own") \
	X(UNKNOWN_VOICE, ERROR, "unknown voice %s (see podsynth voices)") \
	/* show settings: channel.yaml */ \
	X(CH_NOT_MAPPING, ERROR, "expected settings as \"key: value\" lines") \
	X(CH_NO_KEY, ERROR, "expected a setting name") \
	X(CH_UNKNOWN_KEY, WARNING, "unknown setting %s") \
	X(CH_UNKNOWN_SUBKEY, WARNING, "unknown key %s") \
	X(CH_OWNER, ERROR, "owner: expected name: and email:") \
	X(CH_PAUSES, ERROR, "pauses: expected a mapping of milliseconds") \
	X(CH_DIRECTORIES, ERROR, "directories: expected \"Name: URL\" lines (Apple Podcasts: https://...)") \
	X(CH_DIRECTORY_NAME, ERROR, "directories: expected a name") \
	X(CH_NOT_URL, ERROR, "%s is not an absolute http(s) URL") \
	X(CH_ASSET, ERROR, "cannot read %s") \
	X(CH_FORMATS_EMPTY, ERROR, "formats: expected at least one of mp3, opus, vorbis") \
	X(CH_FORMAT_UNKNOWN, ERROR, "%s: unknown format %s (mp3, opus or vorbis)") \
	X(CH_FORMAT_TWICE, ERROR, "formats: %s listed twice") \
	X(CH_MP3_BITRATE, ERROR, "%s is not an MP3 bitrate (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256 or 320)") \
	X(CH_FORMAT_RATE, ERROR, "formats: %s cannot carry sample_rate %s (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100 or 48000)") \
	X(BED_PLACE, ERROR, "bad bed place %s: expected none, intro, sections or episode") \
	X(BED_NOT_MAPPING, ERROR, "bed: expected a place (intro, sections, episode, none) or a mapping") \
	X(SPEAKERS_NOT_MAPPING, ERROR, "speakers: expected \"Name: voice\" pairs, e.g. {Ana: host, Ben: cohost}") \
	X(SPEAKERS_BAD_NAME, ERROR, "speakers: bad name %s") \
	X(SPEAKERS_TWICE, ERROR, "speakers: %s declared twice") \
	X(SPEAKERS_UNKNOWN_KEY, WARNING, "unknown key %s (ignored)") \
	X(SPEAKERS_NO_VOICE, ERROR, "speakers: no voice for %s") \
	X(PEOPLE_NOT_MAPPING, ERROR, "people: expected each name with bio:, link: or img:, e.g. {Ana: {bio: \"...\", link: https://...}}, at %s") \
	X(SPEAKERS_URL, ERROR, "%s: only an http(s) address (or, for img:, a file in the site) can be published, not %s") \
	X(SPEAKER_UNDECLARED, WARNING, "%s is not a declared speaker: the previous voice reads it aloud, label and all%s") \
	X(BED_UNREADABLE, ERROR, "cannot read bed %s%s") \
	X(BED_NO_AUDIO, ERROR, "no audio in bed %s") \
	X(BED_RESAMPLE, ERROR, "cannot resample bed %s: %s") \
	X(BED_SILENT, ERROR, "bed %s is silent (or shorter than 0.4 s)") \
	X(CH_NO_TITLE, ERROR, "the show has no title (title:)") \
	X(CH_NO_LINK, ERROR, "the show needs its site's address, an absolute http(s) URL (link:) %s") \
	X(CH_LINK_SLASH, ERROR, "link must not end with a slash %s") \
	X(CH_SITE_CSS, ERROR, "site_css must be a file inside the site (%s), not %s") \
	X(CH_LINK_CHARS, ERROR, "link cannot contain spaces, control characters, quotes, <, >, or invalid UTF-8 %s") \
	X(CH_CATEGORY, ERROR, "not an Apple Podcasts category %s") \
	X(CH_SUBCATEGORY, ERROR, "not a subcategory of %s") \
	X(CH_TYPE, ERROR, "type must be episodic or serial %s") \
	X(FEED_SLUG_FILE_NAME, ERROR, "slug cannot be a file name %s") \
	X(FEED_SLUG_USED, ERROR, "slug already used by %s") \
	X(FEED_NO_DATE, ERROR, "no valid publication date (date: YYYY-MM-DD) %s") \
	X(FEED_NOT_RENDERED, NOTE, "not rendered yet%s, left out of the feed %s") \
	X(FEED_GUID_EMPTY, ERROR, "guid is empty") \
	X(FEED_GUID_USED, ERROR, "guid already used by %s") \
	X(FEED_RENAMED, ERROR, "%s was published as %s (guid %s): add previous_slug: %s to the front matter to keep its guid, or a guid: of its own if it is a new episode") \
	X(FEED_PREVIOUS_SLUG, ERROR, "previous_slug: %s was never published (not in %s)") \
	X(FEED_ARTWORK_OUTSIDE, WARNING, "artwork is not a file in %s, left out %s") \
	X(FEED_LEDGER_LINE, WARNING, "line not understood, ignored") \
	X(CH_NO_CATEGORY, WARNING, "no category: Apple Podcasts requires one (category:)") \
	X(CH_NO_OWNER_EMAIL, WARNING, "no owner email: directories use it to verify the show (owner_email:)") \
	/* artwork: the show's and an episode's image: */ \
	X(ART_UNREADABLE, ERROR, "image: %s %s") \
	X(ART_URL, ERROR, "image: only an http(s) address or a file in the site can be published, not %s") \
	X(ART_OUTSIDE, ERROR, "image: the file must be inside the site (%s), not %s: copy it there") \
	X(ART_EXTENSION, ERROR, "image: the name must end in .png, .jpg or .jpeg (podcast apps go by it) %s") \
	X(ART_KIND, ERROR, "image: the file is a %s but its name says %s %s") \
	X(ART_NOT_SQUARE, ERROR, "image: artwork must be square, this is %s %s") \
	X(ART_SIZE, ERROR, "image: artwork must be %s pixels a side, this is %s %s") \
	X(ART_COLOR, ERROR, "image: artwork must be RGB without transparency, this %s is %s %s") \
	X(CHAPTER_IMAGE, ERROR, "chapter image: %s %s") \
	X(CHAPTER_IMAGE_URL, ERROR, "chapter image: only a PNG or JPEG file in the site (rss/) can be a chapter's image, not %s") \
	X(CHAPTER_URL, ERROR, "chapter link: only an http(s) address can be published, not %s") \
	X(ART_NO_FONT, WARNING, "the default cover has no font for %s of the title (install fonts-noto-cjk or a font that has them) %s") \
	/* audio read by the mixer: intro, outro, segment audio */ \
	X(AUDIO_UNREADABLE, ERROR, "cannot read the audio: %s") \
	X(AUDIO_SEGMENT, ERROR, "cannot read the segment audio: %s") \
	X(AUDIO_RESAMPLE, ERROR, "cannot resample the audio: %s") \
	/* podsynth draft's settings: draft: in channel.yaml */ \
	X(DRAFT_SECTIONS, ERROR, "draft.sections: expected a list of \"- title: ... match: [...]\"") \
	X(DRAFT_SECTION_KEYS, ERROR, "draft.sections: expected title: and match:") \
	X(DRAFT_EMPTY_MATCH, ERROR, "draft.sections.match: an empty entry matches nothing") \
	X(DRAFT_SECTION_INCOMPLETE, ERROR, "draft.sections: a section needs a title: and a match:") \
	X(DRAFT_LISTS, ERROR, "draft.lists: expected \"list: name in the archive\" lines") \
	X(DRAFT_NOT_MAPPING, ERROR, "draft: expected a mapping of settings") \
	X(DRAFT_NO_KEY, ERROR, "draft: expected a setting name") \
	X(DRAFT_ARCHIVE, ERROR, "draft.archive: %s has no {message-id}") \
	X(DRAFT_PAIRS, ERROR, "%s: expected a mapping of \"key: words\" lines, none empty") \
	/* voice profiles: voices/NAME.voice */ \
	X(VOICE_NOT_MAPPING, ERROR, "expected \"key: value\" lines (engine:, espeak:, voice:, rate:, ...)") \
	X(VOICE_UNKNOWN_KEY, WARNING, "unknown key %s") \
	X(VOICE_NO_ESPEAK, ERROR, "missing \"espeak:\" (the espeak-ng voice to use)") \
	X(VOICE_BAD_ESPEAK, ERROR, "espeak: %s is not an espeak-ng voice name") \
	X(VOICE_BAD_VARIANT, ERROR, "variant: %s is not an espeak-ng variant name") \
	X(VOICE_NO_ESPEAK_VOICE, ERROR, "espeak-ng has no voice %s") \
	X(VOICE_NO_VARIANT, ERROR, "espeak-ng has no variant %s") \
	X(VOICE_BAD_ENGINE, ERROR, "engine: %s is not a speech engine (espeak-ng, flite)") \
	X(VOICE_KEY_ENGINE, ERROR, "%s is a key of %s profiles, not of %s ones") \
	X(VOICE_NO_FLITE, ERROR, "missing \"voice:\" (the Flite voice: cmu_us_rms, cmu_us_slt, cmu_us_awb, cmu_us_kal16 or a .flitevox file)") \
	X(VOICE_BAD_FLITE, ERROR, "voice: %s is not a Flite voice name or a .flitevox file") \
	X(VOICE_NO_FLITE_VOICE, ERROR, "flite has no voice %s") \
	X(VOICE_NONE, ERROR, "no voice profiles (*.voice) in the voices directory") \
	/* lexicons: *.lexicon */ \
	X(LEX_PATTERN, ERROR, "a pattern needs one '*' and some letters %s") \
	X(LEX_NO_SAY, ERROR, "missing pronunciation for %s") \
	X(LEX_PHONEMES, ERROR, "unterminated phonemes for %s") \
	X(LEX_CONTROL, ERROR, "control character in pronunciation of %s") \
	X(LEX_DUPLICATE, WARNING, "duplicate entry %s") \
	X(LEX_UNQUOTED, ERROR, "several words need double quotes: write %s (as it is, every %s is said %s)") \
	X(LEX_COLON, ERROR, "%s: a lexicon line is the word, a space, then how to say it (write %s %s), not \"word: ...\"") \
	X(LEX_QUOTE, ERROR, "the quote is not closed: write %s then how to say it") \
	X(LEX_NEVER, WARNING, "%s can never match: no word of the text %s") \
	/* podsynth say: its text is the file "say", line 1 */ \
	X(SAY_NOTHING, ERROR, "nothing to say") \
	/* build */ \
	X(BUILD_DRAFT, NOTE, "draft: not rendered (use --drafts to render it)") \
	X(BUILD_NOT_PUBLISHED, NOTE, "not changed by build: the feed and the pages show the %s as last published (its new audio and transcripts are in place) until podsynth feed or make episode runs") \
	X(BUILD_NO_SEGMENT, ERROR, "no segment %s") \
	X(BUILD_CORRUPT_CACHE, WARNING, "corrupt cache file for segment %s: synthesising it again") \
	X(BUILD_SYNTH_FAILED, ERROR, "synthesis failed") \
	X(BUILD_MKDIR, ERROR, "cannot create directory: %s") \
	/* files podsynth writes: the file is the subject, the reason follows */ \
	X(FILE_WRITE, ERROR, "cannot write %s: %s") \
	X(FILE_DIR_SYNC, WARNING, "cannot sync the directory after writing %s: %s") \
	X(FILE_TMPDIR, ERROR, "cannot make a temporary directory: %s") \
	X(LIB_OPEN, ERROR, "cannot open a library this needs: %s") \
	X(ART_DRAW, ERROR, "cannot draw the default cover (cairo failed)") \
	X(ART_NOT_IMAGE, ERROR, "the cover picture is neither PNG nor JPEG") \
	X(AUDIO_TOO_MANY_CHAPTERS, WARNING, "too many chapters (%s): only the first %s are kept") \
	X(NOTES_HTML, ERROR, "cannot render the show notes as HTML") \
	X(NOTES_UNSAFE_LINK, WARNING, "link %s is left out of the notes and the page: link to an http(s) address or a file in the site") \
	X(TRANSCRIPT_SEGMENT, ERROR, "cannot read segment %s for the transcript: %s") \
	/* speech synthesis */ \
	X(SYNTH_NO_START, ERROR, "cannot start the speech synthesiser: is espeak-ng-data installed?") \
	X(SYNTH_CHECK_VOICES, ERROR, "cannot check the voices: %s") \
	X(SYNTH_WAIT, ERROR, "cannot wait for the speech synthesiser: %s") \
	X(SYNTH_STALLED, ERROR, "synthesis stalled for %s s without using its processor time: the segment is not cached (build again)") \
	X(SYNTH_KILLED, ERROR, "the synthesiser was killed from outside (%s): the segment is not cached (build again)") \
	X(SYNTH_DROPPED, WARNING, "dropped words the synthesiser cannot speak: %s") \
	X(SPEECH_NO_DICT, WARNING, "cannot read the English dictionary (install hunspell-en-us): glued words are not split") \
	X(SPEECH_NO_WORDLIST, WARNING, "cannot read the word lists (install scowl): which words are common is not known") \
	/* the show lock: the site directory */ \
	X(LOCK_OPEN, ERROR, "cannot open the site directory to lock it: %s") \
	X(LOCK_WAIT, NOTE, "another podsynth run is working on this show: waiting for it to finish") \
	X(LOCK_FAILED, ERROR, "cannot lock the site directory: %s") \
	/* podsynth cache */ \
	X(CACHE_UNREADABLE, ERROR, "cannot read the cache: %s") \
	X(CACHE_REMOVE, WARNING, "cannot remove the cache file: %s") \
	X(CACHE_NOT_PRUNED, ERROR, "cache not pruned: fix the errors above first (their segments would count as unused)") \
	/* podsynth feed: publishing */ \
	X(FEED_NOT_WRITTEN, ERROR, "feed not written: fix the errors above (the previous feed is kept)") \
	X(FEED_PUBLISHED, NOTE, "%s published (%s, %s not rendered)") \
	X(FEED_AUDIO_PUBLISH, ERROR, "cannot publish the audio: %s") \
	X(FEED_AUDIO_OUTSIDE, ERROR, "audio is not inside the site %s") \
	X(FEED_AUDIO_REPLACED, ERROR, "the audio was replaced while the feed was being written: run podsynth feed again") \
	X(FEED_AUDIO_KEPT, ERROR, "cannot publish the audio, the previous feed is kept: %s") \
	X(FEED_AUDIO_REMOVE, WARNING, "cannot remove audio no longer published: %s") \
	X(FEED_ITEM_XML, ERROR, "cannot write the feed item (libxml2 failed)") \
	X(FEED_XML, ERROR, "cannot write the feed (libxml2 failed)") \
	X(FEED_WRITE, ERROR, "cannot write the feed, the previous one is kept: %s") \
	X(FEED_RENAME, ERROR, "cannot put the new feed in place: %s") \
	X(FEED_CHECK_XML, ERROR, "new feed is not well-formed XML: %s") \
	X(FEED_CHECK_GUID, ERROR, "two items with one guid %s") \
	X(FEED_CHECK_ENCLOSURE, ERROR, "enclosure does not match its file (length %s) %s") \
	X(FEED_CHECK_ALTERNATE, ERROR, "alternateEnclosure does not match its file (length %s) %s") \
	X(FEED_CHECK_FAILED, ERROR, "new feed failed its check: not the RSS written") \
	/* the site: pages, transcripts and chapters read back */ \
	X(SITE_OUTSIDE, ERROR, "file is not inside the site %s") \
	X(SITE_CSS, ERROR, "site_css is not a file %s") \
	X(SITE_WRITE, ERROR, "cannot write the page, the previous one is kept: %s") \
	X(SITE_RENAME, ERROR, "cannot put the page in place: %s") \
	X(SITE_REMOVE, WARNING, "cannot remove the page of an episode no longer published: %s") \
	X(SITE_CUE_TIME, ERROR, "transcript cue time not understood") \
	X(SITE_CHAPTERS_JSON, ERROR, "not a JSON chapters file (no \"chapters\" list)") \
	X(SITE_CHAPTER_TIME, ERROR, "chapter without a valid startTime") \
	/* podsynth draft: mailboxes, Atom feeds, templates, the command line */ \
	X(MAIL_UNKNOWN, ERROR, "not a mailbox, a message or an Atom feed (an mbox starts with a \"From \" line)") \
	X(MAIL_EMPTY, WARNING, "empty input: no messages") \
	X(MAIL_NOT_MESSAGE, WARNING, "message %s is not a mail message (skipped)") \
	X(MAIL_NO_ID, WARNING, "message %s has no Message-ID (skipped)") \
	X(MAIL_FUTURE, WARNING, "message %s is dated %s, in the future: its date is not used for the draft") \
	X(MAIL_URL, WARNING, "entry %s: its link %s is not an http(s) address (skipped)") \
	X(GZIP_START, ERROR, "cannot decompress (zlib did not start)") \
	X(GZIP_JUNK, WARNING, "%s bytes of junk after the gzip data (ignored)") \
	X(GZIP_TRUNCATED, ERROR, "truncated gzip data (after %s bytes of mail)") \
	X(GZIP_CORRUPT, ERROR, "corrupt gzip data: %s") \
	X(GZIP_TOO_LARGE, ERROR, "gzip data inflates to more than %s (%s): not read") \
	X(ATOM_TOO_LARGE, ERROR, "too large to read as an Atom feed (%s)") \
	X(ATOM_XML, ERROR, "not well-formed XML: %s") \
	X(ATOM_DTD, ERROR, "a document type declaration (<!DOCTYPE>) is refused: an Atom feed needs none, and its entities could expand without bound") \
	X(ATOM_NOT_ATOM, ERROR, "not an Atom feed (no <feed> in the Atom namespace)") \
	X(ATOM_NO_LINK, WARNING, "entry %s has no archive link to take a Message-ID from (skipped)") \
	X(TMPL_UNCLOSED, ERROR, "unclosed placeholder %s") \
	X(TMPL_UNKNOWN, ERROR, "unknown placeholder %s") \
	X(TMPL_PLURAL, ERROR, "placeholder %s needs two words: %s") \
	X(TMPL_NO_DEFINITION, ERROR, "template has no %s definition") \
	X(TMPL_DEFINITION_OPEN, ERROR, "%s has no closing \"-->\"") \
	X(TMPL_NO_SECTIONS, ERROR, "template has no {sections} placeholder") \
	X(DRAFT_NO_TEMPLATE, ERROR, "no template draft.%s.md for language %s (looked in %s; --template FILE gives one)") \
	X(DRAFT_EXISTS, ERROR, "already exists; not overwritten (--force replaces it)") \
	X(DRAFT_BAD_LANG, ERROR, "--lang: %s is not a language tag such as en or zh-CN") \
	X(DRAFT_SUGGEST, NOTE, "the draft's date is %s; a file name for it: %s") \
	X(DRAFT_NO_SERIES, WARNING, "no patch series found (messages read: %s, threads: %s): the draft has no items") \
	/* the render: levelling, encoding, the decoded check; the subject is the \
	   episode's file being made (or the item's own file) */ \
	X(RENDER_FORMAT, ERROR, "cannot render at %s Hz with %s channels (%s refused the format)") \
	X(RENDER_MEASURE, ERROR, "cannot measure the loudness (libebur128 failed)") \
	X(RENDER_ITEM_SHORT, ERROR, "the audio of %s ended early (%s)") \
	X(RENDER_LENGTH, ERROR, "the mix is %s frames long, the timeline %s") \
	X(RENDER_UNDECODABLE, ERROR, "cannot decode what was encoded: %s") \
	X(RENDER_ENCODE, ERROR, "cannot encode: %s") \
	X(RENDER_THREAD, ERROR, "cannot start the %s thread: %s") \
	X(RENDER_PEAK_RETRY, NOTE, "encoded true peak too high (%s dBTP in %s): encoding again with the limiter lower for %s item(s)") \
	X(RENDER_LOUDNESS_RETRY, NOTE, "encoded loudness off target (%s LUFS in %s): encoding again") \
	X(RENDER_PEAK_OVER, WARNING, "true peak over the ceiling: %s dBTP") \
	X(RENDER_LOUDNESS_OFF, WARNING, "loudness off target: %s LUFS") \
	/* encoded chunks in the cache (render_chunks.c) */ \
	X(CHUNK_DAMAGED, WARNING, "damaged encoded chunk in the cache: encoding it again") \
	X(CHUNK_ENCODE, ERROR, "cannot encode the chunk at %s s: %s") \
	X(CHUNK_REREAD, ERROR, "cannot read the encoded chunk again: %s") \
	X(CHUNK_ASSEMBLE, ERROR, "cannot assemble the file from its chunks: %s") \
	/* podsynth studio: the subject is the database, the episode or "podsynth studio" */ \
	X(STUDIO_DB, ERROR, "the studio database failed (%s): %s") \
	X(STUDIO_LISTEN, ERROR, "cannot listen on %s port %s: %s") \
	X(STUDIO_ADDRESS, ERROR, "--listen: %s is not an IPv4 or IPv6 address") \
	X(STUDIO_USER_NAME, ERROR, "bad user name %s: use 1 to 64 of a-z, A-Z, 0-9, '.', '_' and '-'") \
	X(STUDIO_ROLE, ERROR, "bad role %s: expected contributor or editor") \
	X(STUDIO_PASSWORD, ERROR, "the password must be 8 to 1024 bytes") \
	X(STUDIO_USER_EXISTS, ERROR, "user %s already exists") \
	X(STUDIO_PUBLISH, ERROR, "cannot start the publish job: %s") \
	X(STUDIO_CHECK, ERROR, "cannot run check on a summary: %s") \
	/* the program itself, not its input: the subject is "podsynth" */ \
	X(SYS_INTERNAL, ERROR, "internal error: %s")

/* Separates the parts of a detail that go into a text's several "%s". */
#define MSG_SEP "\x1f"

enum msg {
#define PODSYNTH_MSG_ENUM(id, level, text) MSG_##id,
	PODSYNTH_MSGS(PODSYNTH_MSG_ENUM)
#undef PODSYNTH_MSG_ENUM
	MSG__COUNT
};

/*
 * Reports message m about file (line and col 0 when unknown) through
 * diag(). fmt (NULL for a text without "%s") formats the detail that takes
 * the place of the text's "%s" (its MSG_SEP-separated parts, in order).
 */
void msg(enum msg m, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * commit_tmp and write_file_atomic (util.h) with their 1 reported: the
 * file is in place but its directory could not be synced, a warning
 * (MSG_FILE_DIR_SYNC) naming the directory, and 0 is returned. -1 (errno)
 * is returned as it came, for the caller to report with its own message.
 */
int msg_commit_tmp(const char *tmp, const char *path);
int msg_write_file_atomic(const char *path, const void *data, size_t n);

/* The catalogue row of m: its name ("fm-bad-date"), level and text. */
const char *msg_name(enum msg m);
enum diag_level msg_level(enum msg m);
const char *msg_text(enum msg m);

#endif
