//! How hard the interface's English is to read: the Flesch-Kincaid grade level, with syllables
//! counted by a documented heuristic. Test-only: it checks the catalogue, it never ships.
//!
//! Grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59 (Kincaid, Fishburne,
//! Rogers & Chissom 1975). A US grade of 6 is a reading age of about 11 to 12.
//!
//! Syllables are counted the way most readability tools do, since English spelling gives no
//! exact rule: lower-case the word and keep its letters; words of three letters or fewer have
//! one; a final silent `e` is dropped (but not the `le` of "table" after a consonant), and so
//! is a final `es` or `ed` that is not spoken as a syllable (not after `s`, `x`, `z`, `ch`,
//! `sh`, `t` or `d`); then each run of vowels (`a e i o u y`) is one syllable, with at least
//! one per word. A number or a `{placeholder}` is one word of one syllable.

/// Counts of one piece of text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Syllables.
    pub syllables: usize,
}

impl Counts {
    /// The Flesch-Kincaid grade of these counts; 0 for no words.
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        0.39 * (self.words as f64 / self.sentences as f64)
            + 11.8 * (self.syllables as f64 / self.words as f64)
            - 15.59
    }

    /// These counts and `other` together.
    pub fn add(self, other: Counts) -> Counts {
        Counts {
            sentences: self.sentences + other.sentences,
            words: self.words + other.words,
            syllables: self.syllables + other.syllables,
        }
    }
}

/// The syllables in one word, by the heuristic in the module's documentation.
pub fn syllables(word: &str) -> usize {
    if word.starts_with('{') || word.chars().any(|c| c.is_ascii_digit()) {
        return 1;
    }
    let w: String = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return 0;
    }
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut stem = w.as_str();
    if let Some(rest) = stem.strip_suffix("es") {
        let spoken = ["s", "x", "z", "ch", "sh", "c", "g"]
            .iter()
            .any(|e| rest.ends_with(e));
        if !spoken {
            stem = rest;
        }
    } else if let Some(rest) = stem.strip_suffix("ed") {
        if !(rest.ends_with('t') || rest.ends_with('d')) {
            stem = rest;
        }
    } else if let Some(rest) = stem.strip_suffix('e') {
        let syllabic_le =
            rest.ends_with('l') && rest.chars().rev().nth(1).is_some_and(|c| !vowel(c));
        if !syllabic_le {
            stem = rest;
        }
    }
    let mut count = 0;
    let mut in_vowels = false;
    for c in stem.chars() {
        let v = vowel(c);
        if v && !in_vowels {
            count += 1;
        }
        in_vowels = v;
    }
    count.max(1)
}

/// The words of a text: runs between spaces that hold a letter, a digit or a placeholder.
pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '/' || c == '–' || c == '—')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '{' && c != '}'))
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect()
}

/// A text cut into sentences: at `.`, `?` or `!` followed by a space or the end, and at line
/// breaks. A text with no such mark is one sentence.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
        let next = chars.get(i + 1);
        let ends = matches!(c, '.' | '?' | '!')
            && next.is_none_or(|n| n.is_whitespace() || *n == '”' || *n == '"');
        if ends {
            out.push(std::mem::take(&mut current));
        }
    }
    out.push(current);
    out.into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !words(s).is_empty())
        .collect()
}

/// The counts of one sentence.
pub fn counts(sentence: &str) -> Counts {
    let w = words(sentence);
    Counts {
        sentences: 1,
        words: w.len(),
        syllables: w.iter().map(|w| syllables(w)).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_the_heuristic_on_common_words() {
        let cases = [
            ("you", 1),
            ("help", 1),
            ("make", 1),
            ("makes", 1),
            ("table", 2),
            ("boxes", 2),
            ("wanted", 2),
            ("jumped", 1),
            ("happy", 2),
            ("service", 2),
            ("questionnaire", 3),
            ("psychological", 5),
            ("every", 3),
            ("{n}", 1),
            ("2026", 1),
        ];
        for (word, n) in cases {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn sentences_split_at_their_ends_and_words_ignore_punctuation() {
        assert_eq!(
            sentences("It is OK. Are you sure? Yes!\nNext line"),
            ["It is OK.", "Are you sure?", "Yes!", "Next line"]
        );
        assert_eq!(sentences("Version 1.5 is here."), ["Version 1.5 is here."]);
        assert_eq!(
            words("“Hello,” she said – twice."),
            ["Hello", "she", "said", "twice"]
        );
    }

    #[test]
    fn the_grade_of_known_text_is_as_published() {
        // "The cat sat on the mat." 6 words, 6 syllables: 0.39×6 + 11.8×1 − 15.59 = −1.45.
        let c = counts("The cat sat on the mat.");
        assert_eq!((c.words, c.syllables), (6, 6));
        assert!((c.grade() + 1.45).abs() < 1e-9);
    }
}
