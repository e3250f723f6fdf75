// The features the quality model (quality_model.hpp) judges a name by: length, words and
// syllables, pronounceability under the character model, letter patterns (clusters, double
// letters, digits, hyphens, symbols, keyboard walks), dictionary status, closeness to a known
// brand, negative readings (NameScreen) and the .com label. Each is a small function of the
// name; NameFeatures computes all of them into a fixed-order vector whose names are
// kFeatureNames. Every resource is optional: a missing one leaves its features at neutral values.
//
//   BrandNeighbours brands(registry);                         // one-edit index of brand names
//   NameFeatures features({.char_model = &cm, .lexicon = &lex, .brands = &brands, .screen = &screen});
//   FeatureVector v = features.compute("Stripe");             // v.values[kLetters] == 6
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "score/feature_indexes.hpp"

namespace snai::charlm {
class CharModel;
}
namespace snai::lexicon {
class Lexicon;
}
namespace snai::screening {
class NameScreen;
struct ScreenFinding;
}

namespace snai::score {

// Feature indices; kFeatureNames holds their names in the same order. Appending a feature
// changes the vector a saved model expects: QualityModel::load checks the count.
enum Feature : std::size_t {
  kLetters,            // ASCII letters
  kWords,              // parts separated by spaces
  kSyllables,          // vowel groups, silent final e dropped
  kLongestWord,        // letters of the longest part
  kPronounceable,      // character-model log-probability per letter, mean over parts
  kWorstPart,          // the lowest per-letter log-probability of any part
  kVowelRatio,         // vowels (a e i o u, y between consonants) / letters
  kConsonantRun,       // longest run of consonants
  kVowelRun,           // longest run of vowels
  kDoubleLetters,      // adjacent equal letters ("ll", "ee")
  kSameLetterRun,      // longest run of one letter
  kDigits,
  kHyphens,
  kSymbols,            // other ASCII punctuation: . & ! _ / + ...
  kNonAscii,           // bytes >= 0x80 (accents, other scripts, emoji)
  kDictionaryParts,    // fraction of parts that are dictionary words
  kCommonParts,        // fraction of parts that are common words
  kIsWord,             // the whole name (letters only) is one dictionary word
  kCompound,           // the letters split into two common words of 3+ letters ("snapchat")
  kNearBrand,          // letters of the brand one edit away (other than itself); 0 when none
  kScreen,             // 0 clean, 1 negative connotation, 2 offensive or unfortunate reading
  kComLabel,           // length of the .com label (letters, digits, hyphens)
  kDescriptorSuffix,   // the last of 2+ parts is a company word: Labs, AI, Bio, Health ...
  kKeyboardWalk,       // fraction of letter pairs next to each other on a QWERTY keyboard
  kLetterVariety,      // distinct letters / letters
  kNegativeWords,      // parts whose main sense is negative (death, disease, decay, harm ...)
  kWordFrequency,      // mean log2(1 + WordNet tag count) over the parts: generic everyday words score high
  kRepeatedParts,      // parts that repeat an earlier one ("Go-Go-Go")
  kNearFamous,         // letters of the famous brand (famous_brands.hpp) one edit away; 0 when none
  kParts,              // parts split at spaces, hyphens and punctuation ("My-Best-Web-Site" 4)
  kGenericWords,       // parts that are generic business or marketing words: best, online, store, solutions
  kFeatureCount
};

inline constexpr std::array<std::string_view, kFeatureCount> kFeatureNames = {
    "letters",       "words",          "syllables",        "longest_word",   "pronounceable",
    "worst_part",    "vowel_ratio",    "consonant_run",    "vowel_run",      "double_letters",
    "same_letter_run", "digits",       "hyphens",          "symbols",        "non_ascii",
    "dictionary_parts", "common_parts", "is_word",         "compound",       "near_brand",
    "screen",        "com_label",      "descriptor_suffix", "keyboard_walk", "letter_variety",
    "negative_words", "word_frequency", "repeated_parts", "near_famous",
    "parts",         "generic_words"};

struct FeatureVector {
  std::array<float, kFeatureCount> values{};
  std::string near_brand;     // the brand it is one edit from, when kNearBrand > 0
  std::string near_famous;    // the famous brand it is one edit from, when kNearFamous > 0
  std::string screen_reading; // what the screen read into it ("penis land", "kill")
  std::string negative_word;  // the first negative part ("doom")
  std::string suffix;         // the company word when kDescriptorSuffix is 1
};

// --- the small functions (lower-case ASCII input unless said otherwise)
int count_syllables(std::string_view letters);          // "stripe" 1, "notion" 2, "xkqzvbn" 0
double vowel_ratio(std::string_view letters);
int longest_consonant_run(std::string_view letters);
int longest_vowel_run(std::string_view letters);
int double_letters(std::string_view letters);          // "google" 1, "bookkeeper" 3
int longest_same_letter_run(std::string_view letters); // "aaaa" 4
double keyboard_walk_fraction(std::string_view letters);  // "asdfgh" 1.0, "stripe" low
double letter_variety(std::string_view letters);        // "abab" 0.5
bool is_descriptor_word(std::string_view lower_word);   // "labs", "ai", "bio", "health" ...
bool is_generic_word(std::string_view lower_word);      // "best", "online", "store", "solutions" ...
// The parts of a name: lower-cased runs of letters and digits split at spaces, hyphens and
// other punctuation ("K-Scale Labs" → k, scale, labs).
std::vector<std::string> name_parts(std::string_view name);

struct FeatureContext {
  const charlm::CharModel* char_model = nullptr;
  const lexicon::Lexicon* lexicon = nullptr;
  const WordTable* words = nullptr;  // when given, word features read it instead of the lexicon (faster)
  const BrandNeighbours* brands = nullptr;
  const BrandNeighbours* famous = nullptr;
  const screening::NameScreen* screen = nullptr;
  const NegativeWords* negative_words = nullptr;
};

class NameFeatures {
 public:
  explicit NameFeatures(FeatureContext context) : context_(context) {}

  // `spoken`: how the name is said when it is a respelling ("lift" for "Lyft"); pronounceability
  // is judged on it. Never fails: empty or odd input gives extreme but finite values.
  // `screened`: context().screen's findings for `name` when already known (not screened again).
  FeatureVector compute(std::string_view name, std::string_view spoken = {},
                        const std::vector<screening::ScreenFinding>* screened = nullptr) const;
  const FeatureContext& context() const { return context_; }

 private:
  FeatureContext context_;
};

}  // namespace snai::score
