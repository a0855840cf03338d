/*
 * podsynth.js: what JavaScript adds to the pages podsynth writes (the
 * pages work without it).
 *
 * Episode pages: the episode's text is the notes as written with every
 * sentence of the transcript timed in it (span.cue, more than one where a
 * sentence crosses an element). A click on a chapter or on a sentence
 * (not on a link in it, which stays a link) moves the player there;
 * while it plays, the current chapter and sentence are marked and the
 * sentence is kept in view; the word being spoken is marked
 * too, from the word timings (the Podcasting 2.0 JSON transcript named by
 * data-words); #t=SECONDS, #t=MM:SS or #t=H:MM:SS starts playback there; a
 * search box marks the sentences and words that contain what is typed; a
 * playback-speed control. The index: a button that copies the feed address.
 */
'use strict';

(function () {
	var audio = document.getElementById('player');

	/* ---- the copy button (index) ---- */
	Array.prototype.forEach.call(document.querySelectorAll('button[data-copy]'), function (b) {
		var field = document.getElementById(b.getAttribute('data-copy'));
		if (!field || !navigator.clipboard) {
			b.hidden = true;   /* nothing to copy with: the address can be selected */
			return;
		}
		var label = b.textContent;
		b.addEventListener('click', function () {
			navigator.clipboard.writeText(field.value).then(function () {
				b.textContent = b.getAttribute('data-done') || label;
				setTimeout(function () { b.textContent = label; }, 2000);
			}, function () {
				field.select();
			});
		});
	});

	if (!audio)
		return;

	/* ---- seeking ---- */

	/* "90", "90.5", "1:30", "0:01:30", "1m30s", "1h2m3s", "90s" as seconds; NaN when not a time. */
	function parseTime(s) {
		var m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(s);
		if (m && s !== '')
			return (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0));
		if (!/^\d+(\.\d+)?$|^(\d+:)?\d{1,2}:\d{1,2}(\.\d+)?$/.test(s))
			return NaN;
		return s.split(':').reduce(function (acc, part) {
			return acc * 60 + parseFloat(part);
		}, 0);
	}

	/* Whole seconds as M:SS or H:MM:SS, as the page writes times. */
	function clock(t) {
		t = Math.max(0, Math.floor(t));
		var h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, sec = t % 60;
		var ss = (sec < 10 ? '0' : '') + sec;
		return h ? h + ':' + (m < 10 ? '0' : '') + m + ':' + ss : m + ':' + ss;
	}

	function play() {
		var p = audio.play();
		if (p && p.catch)
			p.catch(function () { /* autoplay refused: the position is set anyway */ });
	}

	function seek(t, andPlay) {
		if (!isFinite(t) || t < 0)
			return;
		audio.currentTime = t;
		update();
		if (andPlay)
			play();
	}

	function fromHash() {
		var m = /^#t=([0-9:.hms]+)$/.exec(location.hash);
		if (!m)
			return;
		var t = parseTime(m[1]);
		if (!isNaN(t))
			seek(t, true);
	}

	/* ---- chapters ---- */
	var chapters = Array.prototype.map.call(document.querySelectorAll('.chapters a[data-start]'),
		function (a) {
			a.addEventListener('click', function (ev) {
				ev.preventDefault();
				history.replaceState(null, '', '#t=' + a.getAttribute('data-start'));
				seek(parseFloat(a.getAttribute('data-start')), true);
			});
			return { el: a, start: parseFloat(a.getAttribute('data-start')) };
		});

	/* ---- the text: the episode as written, its sentences timed ---- */
	var box = document.getElementById('transcript');
	/*
	 * A sentence is one span.cue, or several in a row with the same times
	 * where it crosses an element of the text (emphasis, the end of a link):
	 * {el: the first, els: all, start, end}.
	 */
	var cues = [];
	if (box) {
		Array.prototype.forEach.call(box.querySelectorAll('.cue'), function (el) {
			var start = parseFloat(el.getAttribute('data-start'));
			var last = cues[cues.length - 1];
			if (last && last.start === start && last.end === parseFloat(el.getAttribute('data-end')))
				last.els.push(el);
			else
				cues.push({ el: el, els: [el], start: start, end: parseFloat(el.getAttribute('data-end')) });
		});
	}
	var words = [];   /* {el, start, end}: the word spans, in order */

	if (box) {
		box.addEventListener('click', function (ev) {
			/* a link in a sentence is a link; the rest of the sentence seeks */
			if (ev.target.closest('a'))
				return;
			var el = ev.target.closest('.cue');
			if (!el)
				return;
			/* the address now links to this sentence */
			history.replaceState(null, '', '#t=' + el.getAttribute('data-start'));
			seek(parseFloat(el.getAttribute('data-start')), true);
		});
	}

	/*
	 * The keyboard: in the text (one tab stop), the arrow keys move
	 * between sentences and Enter or Space plays from the one focused.
	 */
	if (box && cues.length) {
		box.addEventListener('keydown', function (ev) {
			if (ev.target.closest('a') && (ev.key === 'Enter' || ev.key === ' '))
				return;
			var at = cues.findIndex(function (c) { return c.el === document.activeElement; });
			if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
				if (at < 0)
					at = Math.max(0, find(cues, audio.currentTime)) - (ev.key === 'ArrowDown' ? 1 : -1);
				var to = Math.min(cues.length - 1, Math.max(0, at + (ev.key === 'ArrowDown' ? 1 : -1)));
				cues[to].el.tabIndex = -1;
				cues[to].el.focus();
				ev.preventDefault();
			} else if ((ev.key === 'Enter' || ev.key === ' ') && at >= 0) {
				cues[at].el.click();
				ev.preventDefault();
			}
		});
	}

	/* The text nodes of a sentence, in order (inside its links and emphasis too). */
	function textNodes(cue) {
		var out = [];
		cue.els.forEach(function (el) {
			var w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
			while (w.nextNode())
				out.push(w.currentNode);
		});
		return out;
	}

	/*
	 * Wraps each word of the JSON transcript in a span inside the sentence
	 * that holds it: the words are looked for in order in the sentences'
	 * text, so the times of the JSON and the text of the page stay apart.
	 */
	function wrapWords(segments) {
		var ci = 0, nodes = cues.length ? textNodes(cues[0]) : [], ni = 0;
		segments.forEach(function (seg) {
			var body = String(seg.body || '');
			for (var k = ci; body && k < cues.length && k < ci + 3; k++) {
				var list = k === ci ? nodes : textNodes(cues[k]);
				for (var j = k === ci ? ni : 0; j < list.length; j++) {
					var rest = list[j], at = rest.data.indexOf(body);
					if (at < 0)
						continue;
					var mid = rest.splitText(at), after = mid.splitText(body.length);
					var span = document.createElement('span');
					span.className = 'w';
					span.setAttribute('data-i', String(words.length));
					span.textContent = mid.data;
					mid.parentNode.replaceChild(span, mid);
					words.push({ el: span, start: +seg.startTime, end: +seg.endTime });
					/* the rest of the sentence is looked in from after the word */
					list.splice(j, 1, after);
					ci = k;
					nodes = list;
					ni = j;
					return;
				}
			}
		});
		update();
	}

	if (box && cues.length && box.getAttribute('data-words') && window.fetch) {
		fetch(box.getAttribute('data-words')).then(function (r) {
			if (!r.ok)
				throw new Error('HTTP ' + r.status);
			return r.json();
		}).then(function (doc) {
			if (doc && Array.isArray(doc.segments))
				wrapWords(doc.segments);
		}).catch(function () { /* no word timings: sentences only */ });
	}

	/* The last item whose start is at or before t, or -1. */
	function find(list, t) {
		var lo = 0, hi = list.length - 1, best = -1;
		while (lo <= hi) {
			var mid = (lo + hi) >> 1;
			if (list[mid].start <= t + 0.0005) {
				best = mid;
				lo = mid + 1;
			} else {
				hi = mid - 1;
			}
		}
		return best;
	}

	var marked = { chapter: null, cue: null, word: null };

	/* Marks el (an element, or a sentence's list of spans) as the current one of its kind. */
	function mark(kind, el) {
		if (marked[kind] === el)
			return false;
		[].concat(marked[kind] || []).forEach(function (e) {
			e.classList.remove('current');
			e.removeAttribute('aria-current');
		});
		marked[kind] = el;
		[].concat(el || []).forEach(function (e) {
			e.classList.add('current');
			if (kind === 'chapter')
				e.setAttribute('aria-current', 'true');
		});
		return true;
	}

	/* Where el is in the transcript box's scrolled content, in pixels from its top. */
	function topInBox(el) {
		return el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientTop +
			box.scrollTop;
	}

	/* Scrolls the transcript box (not the page) so that el is in its middle third. */
	function keepInView(el) {
		if (!box || !el || box.scrollHeight <= box.clientHeight)
			return;
		var top = topInBox(el), h = box.clientHeight;
		if (top < box.scrollTop + h / 3 || top > box.scrollTop + 2 * h / 3)
			box.scrollTop = Math.max(0, top - h / 3);
	}

	function update() {
		var t = audio.currentTime;
		var c = find(chapters, t);
		mark('chapter', c >= 0 ? chapters[c].el.parentNode : null);
		/* a sentence stays marked through the pause after it */
		var k = find(cues, t);
		if (mark('cue', k >= 0 ? cues[k].els : null) && k >= 0 && !audio.paused)
			keepInView(cues[k].el);
		var i = find(words, t);
		mark('word', i >= 0 && t < words[i].end ? words[i].el : null);
	}

	var ticking = false;
	function tick() {
		update();
		if (!audio.paused)
			requestAnimationFrame(tick);
		else
			ticking = false;
	}
	audio.addEventListener('play', function () {
		/* after a seek while paused, the sentence is brought into view at once */
		update();
		keepInView(marked.cue && marked.cue[0]);
		if (!ticking) {
			ticking = true;
			requestAnimationFrame(tick);
		}
	});
	audio.addEventListener('seeked', update);
	audio.addEventListener('timeupdate', update);

	/* ---- the player of our own (the <audio> controls are the fallback) ---- */
	var playBtn = document.getElementById('play'), range = document.getElementById('seek');
	var pos = document.getElementById('pos'), nowChapter = document.getElementById('now-chapter');
	var pageTitle = document.title, player = document.querySelector('.player');
	audio.controls = false;

	function toggle() {
		if (audio.paused)
			play();
		else
			audio.pause();
	}
	function skip(by) {
		var end = isFinite(audio.duration) ? audio.duration : Infinity;
		seek(Math.min(end, Math.max(0, audio.currentTime + by)), false);
	}
	function showState() {
		if (!playBtn)
			return;
		var playing = !audio.paused;
		playBtn.classList.toggle('playing', playing);
		playBtn.setAttribute('aria-label', playBtn.getAttribute(playing ? 'data-pause' : 'data-play'));
		showChapter();
	}
	/* the chapter being played in the player and, while playing, in the document's title */
	function showChapter() {
		var c = find(chapters, audio.currentTime);
		var name = c >= 0 ? chapters[c].el.querySelector('.title').textContent : '';
		if (nowChapter && nowChapter.textContent !== name)
			nowChapter.textContent = name;
		var want = !audio.paused && name ? name + ' \u00b7 ' + pageTitle : pageTitle;
		if (document.title !== want)
			document.title = want;
	}
	function showTime() {
		var t = audio.currentTime;
		if (pos)
			pos.textContent = clock(t);
		if (range && !range.matches(':active')) {
			range.value = String(Math.floor(t));
			range.setAttribute('aria-valuetext', clock(t));
		}
		showChapter();
	}
	if (playBtn) {
		playBtn.addEventListener('click', toggle);
		audio.addEventListener('play', showState);
		audio.addEventListener('pause', showState);
		audio.addEventListener('ended', showState);
		Array.prototype.forEach.call(document.querySelectorAll('button[data-skip]'), function (b) {
			b.addEventListener('click', function () { skip(parseFloat(b.getAttribute('data-skip'))); });
		});
	}
	if (range) {
		range.addEventListener('input', function () {
			seek(parseFloat(range.value), false);
		});
		audio.addEventListener('loadedmetadata', function () {
			if (isFinite(audio.duration))
				range.max = String(audio.duration);
		});
	}
	audio.addEventListener('timeupdate', showTime);
	audio.addEventListener('seeked', showTime);

	/* the sticky player's height is what focus and links keep clear of */
	function padForPlayer() {
		if (player)
			document.documentElement.style.scrollPaddingTop = (player.offsetHeight + 8) + 'px';
	}
	padForPlayer();
	window.addEventListener('resize', padForPlayer);

	/* keys, anywhere but in a field or the transcript: Space/K, J/Left, L/Right */
	document.addEventListener('keydown', function (ev) {
		var t = ev.target;
		if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && t.closest &&
		    t.closest('input, select, textarea, button, a, #transcript, [contenteditable]')))
			return;
		var k = ev.key;
		if (k === ' ' || k === 'k' || k === 'K')
			toggle();
		else if (k === 'j' || k === 'J' || k === 'ArrowLeft')
			skip(-15);
		else if (k === 'l' || k === 'L' || k === 'ArrowRight')
			skip(30);
		else
			return;
		ev.preventDefault();
	});

	/* share: the page's address at the current time, shown and copied */
	var share = document.getElementById('share'), shareUrl = document.getElementById('share-url');
	if (share && shareUrl) {
		share.addEventListener('click', function () {
			var t = Math.floor(audio.currentTime), h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60;
			var u = location.href.replace(/#.*$/, '') + '#t=' +
				(h ? h + 'h' : '') + (h || m ? m + 'm' : '') + (t % 60) + 's';
			shareUrl.value = u;
			shareUrl.parentNode.hidden = false;
			shareUrl.select();
			if (navigator.clipboard)
				navigator.clipboard.writeText(u).catch(function () { /* selected for copying */ });
		});
	}

	/* ---- speed ---- */
	var speed = document.getElementById('speed');
	if (speed) {
		speed.addEventListener('change', function () {
			audio.playbackRate = parseFloat(speed.value) || 1;
		});
	}

	/* ---- search ---- */
	var search = document.getElementById('search'), hits = document.getElementById('hits');
	if (search && box) {
		var found = [], at = -1;
		var run = function () {
			var q = search.value.trim().toLowerCase();
			found.forEach(function (el) { el.classList.remove('hit'); });
			found = [];
			at = -1;
			if (q) {
				cues.forEach(function (c) {
					var text = c.els.map(function (e) { return e.textContent; }).join(' ');
					if (text.toLowerCase().indexOf(q) < 0)
						return;
					var any = false;
					c.els.forEach(function (el) {
						Array.prototype.forEach.call(el.querySelectorAll('.w'), function (w) {
							if (w.textContent.toLowerCase().indexOf(q) >= 0) {
								found.push(w);
								any = true;
							}
						});
					});
					if (!any)
						found.push(c.el);
				});
				found.forEach(function (el) { el.classList.add('hit'); });
			}
			hits.textContent = q ? found.length + ' ' + (hits.getAttribute('data-found') || '') : '';
			if (found.length)
				next();
		};
		var next = function () {
			if (!found.length)
				return;
			at = (at + 1) % found.length;
			box.scrollTop = Math.max(0, topInBox(found[at]) - box.clientHeight / 3);
		};
		search.addEventListener('input', run);
		search.addEventListener('keydown', function (ev) {
			if (ev.key === 'Enter') {
				ev.preventDefault();
				next();
			}
		});
	}

	window.addEventListener('hashchange', fromHash);
	if (audio.readyState >= 1)
		fromHash();
	else
		audio.addEventListener('loadedmetadata', fromHash, { once: true });
	update();
})();
