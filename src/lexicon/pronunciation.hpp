// How a word or name sounds: ARPAbet phonemes with stress from the CMU dictionary, from two
// CMU words for a compound ("scribewell" = scribe + well), or from espeak-ng for anything
// else (invented names such as "Quivr"); syllable count, the spelling split into syllables,
// the stress pattern, rhymes and alliteration.
//
// Pronouncer only reads the Lexicon; it is safe to use from several threads (espeak-ng
// calls are serialised behind one mutex).
//
//   snai::lexicon::Pronouncer pronouncer(lexicon);
//   auto p = pronouncer.pronounce("doctor");   // D AA1 K T ER0, cmudict, 2 syllables, "doc·tor", "10"
//   auto q = pronouncer.pronounce("Quivr");    // K W IH1 V ER0, espeak, 2 syllables, "qui·vr"
//   pronouncer.rhymes("note", 10);             // {"boat", "vote", "coat", ...}
//   pronouncer.alliterates("Paypal", "Pinterest");  // true
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "lexicon/phoneme.hpp"

namespace snai::lexicon {

enum class PronunciationSource {
  cmudict,   // the word is in the CMU dictionary
  compound,  // two CMU words joined ("scribewell")
  espeak,    // espeak-ng's letter-to-sound rules
  spelling,  // nothing could pronounce it (no espeak-ng data): syllables from the spelling only
};
std::string_view to_string(PronunciationSource source);

struct Pronunciation {
  std::string word;               // normalised input
  std::vector<Phoneme> phonemes;  // ARPAbet with stress; empty when source is spelling
  PronunciationSource source = PronunciationSource::spelling;
  int syllable_count = 0;
  std::vector<std::string> syllables;          // the spelling split: {"scribe", "well"}
  std::vector<std::string> phoneme_syllables;  // {"S K R AY1 B", "W EH1 L"}
  std::string stress;                          // one digit per syllable: "10" (doctor)
  std::vector<std::string> alternates;         // other CMU pronunciations, ARPAbet

  std::string arpabet() const;  // "D AA1 K T ER0"
  std::string spelled_syllables(std::string_view separator = "\u00b7") const;  // "scribe·well"
};

class Pronouncer {
 public:
  // Keeps a reference: the lexicon must outlive the pronouncer.
  explicit Pronouncer(const Lexicon& lexicon) : lexicon_(&lexicon) {}

  // Any text: words are pronounced one by one and joined ("hello world"); characters that
  // are not letters or apostrophes separate words. Empty input → empty pronunciation.
  Pronunciation pronounce(std::string_view word) const;

  // The sounds from the last stressed vowel to the end, without stress: "OW T" for "note".
  std::string rhyme_key(std::string_view word) const;
  // Dictionary words that rhyme (same rhyme key, different sound before it — so "denote" is
  // not a rhyme of "note"), most frequent first.
  std::vector<std::string> rhymes(std::string_view word, std::size_t limit = 20) const;
  // Same first sound ("Paypal"/"Pinterest", "Quivr"/"cat").
  bool alliterates(std::string_view a, std::string_view b) const;

  // Whether espeak-ng can run here (its data is installed).
  static bool espeak_available();

 private:
  Pronunciation pronounce_token(const std::string& token) const;
  const Lexicon* lexicon_;
};

}  // namespace snai::lexicon
