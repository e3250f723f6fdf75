// Screens candidate names for offensive words and unfortunate readings, so the generator never
// outputs one and the quality model can penalise a name with a negative connotation.
//
// Three kinds of finding:
//   offensive          the name or one of its parts (camelCase, spaces, hyphens) is an
//                      offensive word: "GrammarNazi", "Kick Ass";
//   unfortunate_split  its letters run together read as an offensive word: a split of the
//                      whole string into common words contains one ("penisland" → "penis land",
//                      "therapistfinder" → "the rapist finder", "expertsexchange"), or
//                      an invented word starts or ends with a severe one ("fuckly");
//   negative           a part is about death, disease or crime ("Kill", "CancerCare") —
//                      weaker: penalise, do not block.
// A name that is itself a dictionary word is read as that word ("classic", "therapist",
// "Scunthorpe", "shitake"); offensive letters inside a longer word of a split with fewer words
// are read as that word ("rosinesswoodcock", "assesscraze") unless the one word more is a
// function word joined to the offensive one ("the rapist"); and an offensive word of three
// letters or fewer counts in a split only between words of three letters or more ("kid sex
// change", not "star tit up").
// Vocabulary: WordNet's usage domains "obscenity" and "ethnic slur" (and glosses that call a
// sense offensive/obscene/vulgar) for words all of whose senses are offensive, plus a small
// curated list (internal/curated_words.cpp); negative words are those whose main sense lies
// under WordNet's death, disease, illness, killing, crime, criminal and corpse synsets.
//
//   auto screen = snai::screening::NameScreen::build(lexicon);   // ~1 s; then self-contained
//   screen.blocked("PenIsland");                                  // true
//   for (const auto& f : screen.screen("TherapistFinder"))
//     std::cout << to_string(f.kind) << ": " << f.reading << "\n";  // unfortunate_split: the rapist finder
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <span>
#include <string_view>
#include <vector>

namespace snai::lexicon {
class Lexicon;
}

namespace snai::screening {

struct ScreenFinding {
  enum class Kind { offensive, unfortunate_split, negative };
  Kind kind = Kind::offensive;
  std::string word;     // the offensive or negative word as found: "penis", "nazi", "kill"
  std::string reading;  // the unfortunate reading: "penis land"; the part itself for offensive/negative
  std::string reason;   // "sexual (curated)", "ethnic slur (WordNet)", "disease (WordNet)"
};

std::string_view to_string(ScreenFinding::Kind kind);  // "offensive", "unfortunate_split", "negative"

struct OffensiveEntry {
  std::string word;     // lower-case a-z
  bool severe = false;  // also flagged at the start or end of an invented word
  std::string reason;
};

struct NegativeEntry {
  std::string word;
  std::string reason;  // "death", "disease", "crime" ...
};

// What a screen is built from; screen_word_lists() derives it from the lexicon, tests can
// write a small one by hand. Words that are not lower-case a-z are ignored.
struct ScreenWordLists {
  std::vector<std::string> known_words;    // the dictionary: a name that is one of these reads as it
  std::vector<std::string> segment_words;  // common words a reader splits a run-together name into
  std::vector<std::string> function_words; // "the", "who", "a": "the" + "rapist" is read apart
  std::vector<OffensiveEntry> offensive;   // inflected forms listed separately ("nazis")
  std::vector<NegativeEntry> negative;
};

ScreenWordLists screen_word_lists(const lexicon::Lexicon& lexicon);

class NameScreen {
 public:
  // screen_word_lists(lexicon), then from_lists; the screen keeps no reference to the lexicon.
  static NameScreen build(const lexicon::Lexicon& lexicon);
  static NameScreen from_lists(const ScreenWordLists& lists);

  NameScreen(NameScreen&&) noexcept;
  NameScreen& operator=(NameScreen&&) noexcept;
  ~NameScreen();

  // Every finding, each (kind, word) once; empty for a clean name. Thread-safe.
  std::vector<ScreenFinding> screen(std::string_view name) const;
  // An offensive or unfortunate_split finding: the generator must not output the name.
  bool blocked(std::string_view name) const;
  // The same rule over findings already made (a caller that keeps them).
  static bool blocks(std::span<const ScreenFinding> findings);

  std::size_t offensive_word_count() const;
  std::size_t negative_word_count() const;
  bool is_offensive_word(std::string_view word) const;  // lower-case
  bool is_negative_word(std::string_view word) const;   // lower-case

 private:
  struct Data;
  explicit NameScreen(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace snai::screening
