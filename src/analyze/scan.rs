//! One pass over the text for every rule at once. All the texts the rules look for (signature
//! texts, request-id markers, status markers) go into one Aho-Corasick automaton that ignores
//! ASCII case; it runs over the paste in blocks of whole lines, and only the lines where it
//! found something are looked at further; statuses (`HTTP/1.1 502`, `status=503`), which most
//! lines of a log have, are read where the automaton found their marker. Input can come in
//! pieces of any size ([`Scanner::feed`]),
//! so a file of any length is read in constant memory; a line longer than [`MAX_LINE`] is read in
//! pieces of that size.

use super::lines::{self, StatusFrom};
use super::rules::Rules;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

/// The longest line read as one: longer ones (a minified page, a 50 MB line) are read in pieces
/// of this size, so that memory stays bounded whatever the input.
pub const MAX_LINE: usize = 64 * 1024;

/// How many matched lines are kept per signature; later ones are only counted.
const KEPT_PER_SIGNATURE: usize = 3;
/// How many statuses and request ids are kept.
const KEPT_STATUSES: usize = 32;
const KEPT_REQUEST_IDS: usize = 16;
/// How much of a matched line is kept as evidence.
pub const EVIDENCE_CHARS: usize = 300;

/// What one text of the automaton stands for.
#[derive(Clone, Copy, Debug)]
enum Use {
    /// The `slot`-th of a signature's `all` texts.
    All { signature: usize, slot: u32 },
    /// One of a signature's `any` texts.
    Any { signature: usize },
    /// One of a signature's `none` texts.
    None { signature: usize },
    /// A marker that a request id follows.
    RequestId { rule: usize },
    /// `http/`: a status line or an access log's status follows.
    Http,
    /// `:status`, `"status"`, `status=`, `<title>`…: a status follows; `response` for the
    /// pseudo-header, which is the response's own.
    StatusField { response: bool },
}

/// The texts that a status follows in logs, pages and pseudo-headers (besides `http/`).
const STATUS_MARKERS: [&str; 11] = [
    ":status",
    "\"status\"",
    // Traefik's JSON access log: the status its client was sent.
    "\"downstreamstatus\"",
    "status=",
    "\"status_code\"",
    "\"statuscode\"",
    "\"elb_status_code\"",
    "\"httpstatus\"",
    "<title>",
    "status code:",
    "status: ",
];

/// How much text is read with the automaton that builds quickly before the one that reads
/// quickly is built: a paste is read before a DFA of the rules could be built (some 30 ms),
/// and a large file gains far more than that from it.
const QUICK_START: u64 = 1024 * 1024;

/// The rules compiled for scanning.
pub struct Matcher {
    /// An automaton that builds in a few milliseconds (a contiguous NFA)…
    automaton: AhoCorasick,
    /// …and one that reads three times as fast (a DFA), built once the text is large enough to
    /// repay it. Both number the patterns alike.
    patterns: Vec<String>,
    fast: std::cell::OnceCell<AhoCorasick>,
    /// What each pattern of the automaton stands for.
    uses: Vec<Vec<Use>>,
    /// Per signature: the bit mask of all its `all` texts, and whether it has `any` texts.
    complete: Vec<(u64, bool)>,
}

impl Matcher {
    pub fn new(rules: &Rules) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut uses: Vec<Vec<Use>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |text: &str, used: Use| {
            let id = *index.entry(text.to_string()).or_insert_with(|| {
                patterns.push(text.to_string());
                uses.push(Vec::new());
                patterns.len() - 1
            });
            uses[id].push(used);
        };
        let mut complete = Vec::new();
        for (signature, rule) in rules.signatures.iter().enumerate() {
            // A rule has at most 64 `all` texts (the loader's texts are few; the mask is a u64).
            // The automaton ignores case; a signature of exact case is checked again on its line.
            for (slot, text) in rule.all.iter().take(64).enumerate() {
                add(
                    &text.to_ascii_lowercase(),
                    Use::All {
                        signature,
                        slot: slot as u32,
                    },
                );
            }
            for text in &rule.any {
                add(&text.to_ascii_lowercase(), Use::Any { signature });
            }
            for text in &rule.none {
                add(text, Use::None { signature });
            }
            let mask = match rule.all.len().min(64) {
                64 => u64::MAX,
                n => (1u64 << n) - 1,
            };
            complete.push((mask, !rule.any.is_empty()));
        }
        for (rule, request_id) in rules.request_ids.iter().enumerate() {
            for marker in &request_id.after {
                add(marker, Use::RequestId { rule });
            }
        }
        add("http/", Use::Http);
        for marker in STATUS_MARKERS {
            add(
                marker,
                Use::StatusField {
                    response: marker == ":status",
                },
            );
        }
        Matcher {
            automaton: automaton(&patterns, AhoCorasickKind::ContiguousNFA),
            patterns,
            fast: std::cell::OnceCell::new(),
            uses,
            complete,
        }
    }

    /// The automaton to read with when `read` bytes have been read.
    fn for_reading(&self, read: u64) -> &AhoCorasick {
        if read < QUICK_START {
            return &self.automaton;
        }
        self.fast
            .get_or_init(|| automaton(&self.patterns, AhoCorasickKind::DFA))
    }
}

fn automaton(patterns: &[String], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(patterns)
        .expect("a few hundred short texts always build")
}

/// A line that a signature matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub signature: usize,
    /// 1-based line number in the paste.
    pub line: usize,
    /// The line as pasted, trimmed, secrets hidden, at most [`EVIDENCE_CHARS`] characters.
    pub text: String,
}

/// Everything the scan saw, for the decision.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub lines: usize,
    pub bytes: u64,
    /// The first lines each signature matched.
    pub hits: Vec<Hit>,
    /// How many lines each signature matched, by signature index.
    pub counts: Vec<u32>,
    /// Statuses, with where they were read and their line, in order.
    pub statuses: Vec<(u16, StatusFrom, usize)>,
    /// Each request id, in order, without repeats.
    pub request_ids: Vec<SeenRequestId>,
    /// A version per component, the first seen.
    pub versions: HashMap<String, String>,
    /// How long each failed HAR entry waited for its response, in seconds, with its status.
    pub waits: Vec<(u16, f64)>,
}

/// A request id and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenRequestId {
    /// Its rule's index in `Rules::request_ids`.
    pub rule: usize,
    pub id: String,
    pub line: usize,
}

/// A scan in progress: feed it the text in pieces, then take what it saw.
pub struct Scanner<'r> {
    rules: &'r Rules,
    matcher: &'r Matcher,
    seen: Seen,
    /// The start of a line not yet ended.
    carry: Vec<u8>,
    /// Per signature touched on the current line: the `all` texts found, whether an `any` was,
    /// whether a `none` was.
    touched: HashMap<usize, (u64, bool, bool)>,
}

impl<'r> Scanner<'r> {
    pub fn new(rules: &'r Rules, matcher: &'r Matcher) -> Scanner<'r> {
        Scanner {
            rules,
            matcher,
            seen: Seen {
                counts: vec![0; rules.signatures.len()],
                ..Seen::default()
            },
            carry: Vec::new(),
            touched: HashMap::new(),
        }
    }

    /// Reads the next piece of the text.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.seen.bytes += bytes.len() as u64;
        let mut rest = bytes;
        if !self.carry.is_empty() {
            match memchr::memchr(b'\n', rest) {
                Some(end) if self.carry.len() + end <= MAX_LINE => {
                    let mut line = std::mem::take(&mut self.carry);
                    line.extend_from_slice(&rest[..end]);
                    self.block(&line, true);
                    rest = &rest[end + 1..];
                }
                _ => {
                    let room = MAX_LINE.saturating_sub(self.carry.len()).min(rest.len());
                    self.carry.extend_from_slice(&rest[..room]);
                    rest = &rest[room..];
                    if self.carry.len() >= MAX_LINE {
                        let piece = std::mem::take(&mut self.carry);
                        self.block(&piece, true);
                        // The line goes on in the next piece: it keeps its number.
                        self.seen.lines -= 1;
                    }
                    if rest.is_empty() {
                        return;
                    }
                    return self.feed_rest(rest);
                }
            }
        }
        self.feed_rest(rest);
    }

    fn feed_rest(&mut self, bytes: &[u8]) {
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                self.block(&bytes[..last], true);
                self.carry_over(&bytes[last + 1..]);
            }
            None => self.carry_over(bytes),
        }
    }

    fn carry_over(&mut self, bytes: &[u8]) {
        for piece in bytes.chunks(MAX_LINE) {
            if self.carry.len() + piece.len() > MAX_LINE {
                let line = std::mem::take(&mut self.carry);
                self.block(&line, true);
                self.seen.lines -= 1;
            }
            self.carry.extend_from_slice(piece);
        }
    }

    /// Reads a line that is not part of the text (a HAR entry's status line or header), as the
    /// next line.
    pub fn feed_line(&mut self, line: &str) {
        self.block(line.as_bytes(), true);
    }

    /// Records how long a failed request waited (from a HAR file).
    pub fn wait(&mut self, status: u16, seconds: f64) {
        self.seen.waits.push((status, seconds));
    }

    /// Ends the text and returns what the scan saw.
    pub fn finish(mut self) -> Seen {
        if !self.carry.is_empty() {
            let line = std::mem::take(&mut self.carry);
            self.block(&line, true);
        }
        self.seen
    }

    /// Scans whole lines (`block` holds no partial line; `ends` says its last line is complete).
    fn block(&mut self, block: &[u8], ends: bool) {
        let block = lines::visible(block);
        let block = &*block;
        let first_line = self.seen.lines + 1;
        let mut line_number = first_line;
        let mut line_start = 0;
        let mut line_end = memchr::memchr(b'\n', block).unwrap_or(block.len());
        let mut found: Vec<usize> = Vec::new();
        let automaton = self.matcher.for_reading(self.seen.bytes);
        for hit in automaton.find_overlapping_iter(block) {
            if hit.start() > line_end {
                self.line(&block[line_start..line_end], line_number, &found);
                found.clear();
                // Skip to the line this hit is on, counting the lines in between.
                let skipped = &block[line_end + 1..hit.start()];
                let newlines = memchr::memchr_iter(b'\n', skipped).count();
                line_number += 1 + newlines;
                line_start = line_end + 1 + memchr::memrchr(b'\n', skipped).map_or(0, |i| i + 1);
                line_end = memchr::memchr(b'\n', &block[line_start..])
                    .map_or(block.len(), |i| line_start + i);
            }
            let pattern = hit.pattern().as_usize();
            // A text that runs past the end of its line belongs to no line.
            if hit.end() > line_end {
                continue;
            }
            // A status is read where it stands, from the line as it is (digits and punctuation
            // have no case): most lines of a log have one, and nothing else to look at.
            let line = &block[line_start..line_end];
            let mut for_the_line = false;
            for used in &self.matcher.uses[pattern] {
                let status = match *used {
                    Use::Http => lines::status_after_http(line, hit.start() - line_start),
                    Use::StatusField { response } => {
                        lines::status_after_marker(line, hit.end() - line_start).map(|code| {
                            (
                                code,
                                if response {
                                    StatusFrom::Response
                                } else {
                                    StatusFrom::Field
                                },
                            )
                        })
                    }
                    _ => {
                        for_the_line = true;
                        None
                    }
                };
                if let Some((code, source)) = status {
                    self.status(code, source, line_number);
                }
            }
            if for_the_line && !found.contains(&pattern) {
                found.push(pattern);
            }
        }
        if !found.is_empty() {
            self.line(&block[line_start..line_end], line_number, &found);
        }
        let lines_in_block = memchr::memchr_iter(b'\n', block).count() + usize::from(ends);
        self.seen.lines = first_line - 1 + lines_in_block;
    }

    /// Looks at one line where the automaton found the patterns `found`.
    fn line(&mut self, bytes: &[u8], number: usize, found: &[usize]) {
        if found.is_empty() {
            return;
        }
        let text = String::from_utf8_lossy(bytes);
        let lower = text.to_ascii_lowercase();
        self.touched.clear();
        for &pattern in found {
            for used in &self.matcher.uses[pattern] {
                match *used {
                    Use::All { signature, slot } => {
                        self.touched.entry(signature).or_default().0 |= 1 << slot;
                    }
                    Use::Any { signature } => {
                        self.touched.entry(signature).or_default().1 = true;
                    }
                    Use::None { signature } => {
                        self.touched.entry(signature).or_default().2 = true;
                    }
                    Use::RequestId { rule } => self.request_id(rule, &text, &lower, number),
                    // Read in the block's pass.
                    Use::Http | Use::StatusField { .. } => {}
                }
            }
        }
        let rules = self.rules;
        let mut matched: Vec<usize> = self
            .touched
            .iter()
            .filter(|(signature, (mask, any, excluded))| {
                let (full, needs_any) = self.matcher.complete[**signature];
                *mask == full && (!needs_any || *any) && !excluded
            })
            .map(|(signature, _)| *signature)
            .filter(|&signature| {
                let rule = &rules.signatures[signature];
                !rule.exact_case
                    || (rule.all.iter().all(|t| text.contains(t.as_str()))
                        && (rule.any.is_empty()
                            || rule.any.iter().any(|t| text.contains(t.as_str()))))
            })
            .filter(|&signature| {
                let shape = rules.signatures[signature].shape;
                shape.is_none_or(|shape| shape.fits(&text))
            })
            .collect();
        matched.sort_unstable();
        for signature in matched {
            self.seen.counts[signature] += 1;
            let rule = &self.rules.signatures[signature];
            if let (Some(component), Some(marker)) = (&rule.component, &rule.version_after)
                && !self.seen.versions.contains_key(component)
                && let Some(at) = lower.find(marker.as_str())
                && let Some(version) = lines::version_after(&lower, at + marker.len())
            {
                self.seen.versions.insert(component.clone(), version);
            }
            if self.seen.counts[signature] as usize <= KEPT_PER_SIGNATURE {
                let shown = crate::secrets::masked_line(text.trim());
                self.seen.hits.push(Hit {
                    signature,
                    line: number,
                    text: shown.chars().take(EVIDENCE_CHARS).collect(),
                });
            }
        }
    }

    fn request_id(&mut self, rule: usize, text: &str, lower: &str, line: usize) {
        if self.seen.request_ids.len() >= KEPT_REQUEST_IDS {
            return;
        }
        let kind = &self.rules.request_ids[rule];
        for marker in &kind.after {
            // Lower-casing keeps ASCII offsets; a line whose case folding changed its length
            // (it cannot, for ASCII folding) would be read from the lower-case text.
            let Some(at) = lower.find(marker.as_str()) else {
                continue;
            };
            let source = if text.len() == lower.len() {
                text
            } else {
                lower
            };
            if let Some(id) = lines::token_after(source, at + marker.len())
                && !self.seen.request_ids.iter().any(|known| known.id == id)
            {
                self.seen.request_ids.push(SeenRequestId { rule, id, line });
            }
        }
    }

    fn status(&mut self, code: u16, source: StatusFrom, number: usize) {
        if self.seen.statuses.len() < KEPT_STATUSES
            && !self
                .seen
                .statuses
                .iter()
                .any(|(c, s, _)| *c == code && *s == source)
        {
            self.seen.statuses.push((code, source, number));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::analyze::load::bundled;

    fn scan_in_pieces(text: &[u8], piece: usize) -> Seen {
        let rules = bundled();
        let matcher = Matcher::new(&rules);
        let mut scanner = Scanner::new(&rules, &matcher);
        for chunk in text.chunks(piece) {
            scanner.feed(chunk);
        }
        scanner.finish()
    }

    fn lines_hit(seen: &Seen) -> Vec<usize> {
        let mut lines: Vec<usize> = seen.hits.iter().map(|h| h.line).collect();
        lines.dedup();
        lines
    }

    #[test]
    fn pieces_of_any_size_give_the_same_lines() {
        let mut text = Vec::new();
        for i in 0..200 {
            text.extend_from_slice(
                format!("203.0.113.7 - - \"GET /{i} HTTP/1.1\" 200 512\n").as_bytes(),
            );
        }
        text.extend_from_slice(b"2026/11/22 03:17:56 [error] 1#1: *9 connect() failed (111: Connection refused) while connecting to upstream\n");
        text.extend_from_slice(
            b"no newline at the end: upstream timed out (110: Connection timed out)",
        );
        let whole = scan_in_pieces(&text, text.len());
        assert_eq!(lines_hit(&whole), [201, 202]);
        assert_eq!(whole.lines, 202);
        for piece in [1, 7, 64, 4096] {
            let seen = scan_in_pieces(&text, piece);
            assert_eq!(lines_hit(&seen), [201, 202], "pieces of {piece}");
            assert_eq!(seen.lines, 202, "pieces of {piece}");
            assert_eq!(seen.counts, whole.counts, "pieces of {piece}");
        }
    }

    #[test]
    fn a_line_longer_than_the_limit_is_read_in_pieces_and_keeps_its_number() {
        let mut text = b"first\n".to_vec();
        text.extend(std::iter::repeat_n(b'x', 3 * MAX_LINE));
        text.extend_from_slice(b" upstream prematurely closed connection while reading response header\nlast (104: Connection reset by peer) while reading response header from upstream\n");
        let seen = scan_in_pieces(&text, 10_000);
        assert_eq!(lines_hit(&seen), [2, 3]);
        assert_eq!(seen.lines, 3);
    }

    #[test]
    fn statuses_and_ids_are_collected_once_each() {
        let seen = scan_in_pieces(b"HTTP/2 502\r\ncf-ray: 8a1b2c3d4e5f6789-AMS\r\ncf-ray: 8a1b2c3d4e5f6789-AMS\r\n\"status\": 502\n", 5);
        assert_eq!(
            seen.statuses,
            [(502, StatusFrom::Response, 1), (502, StatusFrom::Field, 4)]
        );
        assert_eq!(seen.request_ids.len(), 1);
    }
}
