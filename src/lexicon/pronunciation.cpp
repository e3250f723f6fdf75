#include "lexicon/pronunciation.hpp"

#include <algorithm>
#include <cctype>

#include "lexicon/internal/espeak.hpp"
#include "lexicon/syllabifier.hpp"
#include "lexicon/word_key.hpp"

namespace snai::lexicon {
namespace {

constexpr std::size_t kMaxTokenLength = 48;  // longer "words" are not pronounced, only counted

// Fills the derived fields from phonemes + syllable starts + the spelling.
void finish(Pronunciation& p, const std::vector<std::uint8_t>& starts, std::vector<std::string> spelling) {
  p.syllable_count = count_syllables(p.phonemes);
  p.phoneme_syllables.clear();
  p.stress.clear();
  for (std::size_t i = 0; i < starts.size(); ++i) {
    std::size_t end = i + 1 < starts.size() ? starts[i + 1] : p.phonemes.size();
    std::span<const Phoneme> syllable(p.phonemes.data() + starts[i], end - starts[i]);
    p.phoneme_syllables.push_back(to_arpabet(syllable));
    char digit = '0';
    for (const auto& ph : syllable)
      if (ph.is_vowel()) digit = static_cast<char>('0' + std::max<int>(ph.stress, 0));
    p.stress += digit;
  }
  p.syllables = spelling.empty() ? split_spelling(p.word, p.syllable_count) : std::move(spelling);
}

// Two common CMU words that spell the token ("scribe" + "well"); the split with the longest
// shorter part wins.
std::optional<std::size_t> compound_split(const Lexicon& lexicon, const std::string& token) {
  auto usable = [&](std::string_view part) {
    auto word = lexicon.lookup(part);
    return word && word->lemma == part && word->has_pronunciation && !word->capitalized &&
           (word->common || word->tag_count > 0);
  };
  std::optional<std::size_t> best;
  std::size_t best_short = 0;
  for (std::size_t cut = 3; cut + 3 <= token.size(); ++cut) {
    std::size_t shorter = std::min(cut, token.size() - cut);
    if (shorter <= best_short) continue;
    if (usable(std::string_view(token).substr(0, cut)) && usable(std::string_view(token).substr(cut))) {
      best = cut;
      best_short = shorter;
    }
  }
  return best;
}

// Words: runs of letters (ASCII, and Latin letters with accents: UTF-8 C3..C5 xx) and
// inner apostrophes. Everything else (digits, punctuation, emoji) separates words.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  std::string normal = normalize_word(text);
  for (std::size_t i = 0; i < normal.size(); ++i) {
    auto c = static_cast<unsigned char>(normal[i]);
    bool latin = c >= 0xC3 && c <= 0xC5 && i + 1 < normal.size() && (static_cast<unsigned char>(normal[i + 1]) & 0xC0) == 0x80;
    if (latin) {
      current += normal.substr(i, 2);
      ++i;
    } else if (std::isalpha(c) || (c == '\'' && !current.empty())) {
      current += static_cast<char>(c);
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

}  // namespace

std::string_view to_string(PronunciationSource source) {
  switch (source) {
    case PronunciationSource::cmudict: return "cmudict";
    case PronunciationSource::compound: return "compound";
    case PronunciationSource::espeak: return "espeak";
    case PronunciationSource::spelling: return "spelling";
  }
  return "spelling";
}

std::string Pronunciation::arpabet() const { return to_arpabet(phonemes); }

std::string Pronunciation::spelled_syllables(std::string_view separator) const {
  std::string out;
  for (const auto& s : syllables) {
    if (!out.empty()) out += separator;
    out += s;
  }
  return out;
}

bool Pronouncer::espeak_available() { return internal::espeak_ipa("a").has_value(); }

Pronunciation Pronouncer::pronounce_token(const std::string& token) const {
  Pronunciation p;
  p.word = token;
  if (token.size() <= kMaxTokenLength) {
    auto cmu = lexicon_->cmu_pronunciations(token);
    if (!cmu.empty()) {
      p.source = PronunciationSource::cmudict;
      p.phonemes = cmu.front().phonemes;
      for (std::size_t i = 1; i < cmu.size(); ++i) p.alternates.push_back(to_arpabet(cmu[i].phonemes));
      finish(p, cmu.front().syllable_starts, {});
      return p;
    }
    if (auto cut = compound_split(*lexicon_, token)) {
      auto first = pronounce_token(token.substr(0, *cut));
      auto second = pronounce_token(token.substr(*cut));
      p.source = PronunciationSource::compound;
      p.phonemes = first.phonemes;
      p.phonemes.insert(p.phonemes.end(), second.phonemes.begin(), second.phonemes.end());
      auto starts = syllabify_phonemes(first.phonemes);
      for (auto s : syllabify_phonemes(second.phonemes))
        starts.push_back(static_cast<std::uint8_t>(s + first.phonemes.size()));
      auto spelling = first.syllables;
      spelling.insert(spelling.end(), second.syllables.begin(), second.syllables.end());
      finish(p, starts, std::move(spelling));
      return p;
    }
    if (auto ipa = internal::espeak_ipa(token)) {
      p.phonemes = internal::ipa_to_arpabet(*ipa);
      if (!p.phonemes.empty()) {
        p.source = PronunciationSource::espeak;
        finish(p, syllabify_phonemes(p.phonemes), {});
        return p;
      }
    }
  }
  p.source = PronunciationSource::spelling;
  p.syllables = split_spelling(token);
  p.syllable_count = static_cast<int>(p.syllables.size());
  return p;
}

Pronunciation Pronouncer::pronounce(std::string_view word) const {
  auto tokens = tokens_of(word);
  if (tokens.size() == 1) return pronounce_token(tokens.front());
  Pronunciation joined;
  joined.word = normalize_word(word);
  joined.source = PronunciationSource::cmudict;
  for (const auto& token : tokens) {
    auto part = pronounce_token(token);
    joined.source = std::max(joined.source, part.source);  // the least certain source
    joined.phonemes.insert(joined.phonemes.end(), part.phonemes.begin(), part.phonemes.end());
    joined.syllable_count += part.syllable_count;
    joined.syllables.insert(joined.syllables.end(), part.syllables.begin(), part.syllables.end());
    joined.phoneme_syllables.insert(joined.phoneme_syllables.end(), part.phoneme_syllables.begin(),
                                    part.phoneme_syllables.end());
    joined.stress += part.stress;
  }
  if (tokens.empty()) joined.source = PronunciationSource::spelling;
  return joined;
}

std::string Pronouncer::rhyme_key(std::string_view word) const {
  auto p = pronounce(word);
  std::string key;
  for (const auto& ph : rhyme_part(p.phonemes)) {
    if (!key.empty()) key += ' ';
    key += ph.symbol();
  }
  return key;
}

std::vector<std::string> Pronouncer::rhymes(std::string_view word, std::size_t limit) const {
  std::vector<std::string> out;
  auto p = pronounce(word);
  if (p.phonemes.empty() || limit == 0) return out;
  auto part = rhyme_part(p.phonemes);
  auto onset_of = [](std::span<const Phoneme> phonemes, std::size_t part_size) -> int {
    std::size_t at = phonemes.size() - part_size;
    return at == 0 ? -1 : phonemes[at - 1].id;
  };
  int onset = onset_of(p.phonemes, part.size());
  std::vector<Phoneme> query(part.begin(), part.end());
  lexicon_->for_each_rhyme(query, [&](std::string_view candidate, const SyllabifiedPhonemes& pron) {
    if (candidate == p.word || onset_of(pron.phonemes, rhyme_part(pron.phonemes).size()) == onset) return true;
    if (!lexicon_->is_word(candidate)) return true;  // CMU also lists surnames and acronyms
    if (auto w = lexicon_->lookup(candidate); w && w->lemma == candidate && w->capitalized) return true;
    if (std::find(out.begin(), out.end(), candidate) == out.end()) out.emplace_back(candidate);
    return out.size() < limit;
  });
  return out;
}

bool Pronouncer::alliterates(std::string_view a, std::string_view b) const {
  auto pa = pronounce(a), pb = pronounce(b);
  if (!pa.phonemes.empty() && !pb.phonemes.empty()) return pa.phonemes.front().same_sound(pb.phonemes.front());
  auto ta = tokens_of(a), tb = tokens_of(b);
  return !ta.empty() && !tb.empty() && ta.front().front() == tb.front().front();
}

}  // namespace snai::lexicon
