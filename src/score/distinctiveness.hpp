// Where a name sits on the trademark spectrum for a given product, the way a founder (and a
// trademark examiner) reads it:
//   generic      the product's own category word ("Inventory" for inventory software, "Doctor")
//   descriptive  says what the product does, in its own words: a description word plus a stock
//                ending or a stock partner ("Medicalable", "NoteDoctor", "Physician Care")
//   suggestive   hints at the product through an association ("Abridge", "Firebase")
//   arbitrary    a real word unrelated to the product ("Apple", "Coast")
//   fanciful     an invented word ("Kodak", "Bemlo")
// Judged part by part: the name is split into words (spaces, hyphens, capitals), trailing company
// words (Labs, Health, AI) are set aside, and each word is looked up among the description's
// terms (exact, inflected, or spelt inside a coined word). Generic and descriptive names are
// penalised; the judgement's `effect` is added to the score's log-odds and `why` says it in plain words.
//
//   DescriptionTerms terms({{"doctor", TermLevel::category, 1.0}, {"quill", TermLevel::associative, 0.4}});
//   DistinctivenessJudge judge(&lexicon);
//   judge.judge("Doctorly", &terms).level;   // descriptive ("doctor" + a stock ending)
//   judge.judge("Quill", &terms).level;      // suggestive
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text.hpp"

namespace snai::lexicon {
class Lexicon;
}

namespace snai::score {

enum class Distinctiveness { generic, descriptive, suggestive, arbitrary, fanciful };
std::string_view to_string(Distinctiveness level);

// How close a description's word is to what the product is.
enum class TermLevel {
  category,     // the description's own content words and their synonyms: doctor, physician, note
  descriptive,  // words that describe the product literally: medical, clinic, record
  associative,  // words it calls to mind: quill, chart, bedside
};

struct DescriptionTerm {
  std::string word;  // lower-case letters
  TermLevel level = TermLevel::associative;
  double weight = 0;  // 0..1, from the expansion
};

// A description's words by level; a word listed twice keeps its closest level.
class DescriptionTerms {
 public:
  DescriptionTerms() = default;
  explicit DescriptionTerms(const std::vector<DescriptionTerm>& terms);

  const DescriptionTerm* find(std::string_view word) const;
  bool empty() const { return terms_.empty(); }
  std::size_t size() const { return terms_.size(); }

 private:
  std::unordered_map<std::string, DescriptionTerm, StringHash, std::equal_to<>> terms_;
};

struct DistinctivenessJudgement {
  Distinctiveness level = Distinctiveness::arbitrary;
  std::string word;  // the description word the name leans on, when there is one ("doctor")
  std::string why;   // plain words for the founder
  double effect = 0; // on the score's log-odds
  bool company_word = false;  // a stock company word follows the name (Labs, Health, AI)
};

class DistinctivenessJudge {
 public:
  // Without a lexicon, every word not among the terms counts as invented.
  explicit DistinctivenessJudge(const lexicon::Lexicon* lexicon) : lexicon_(lexicon) {}

  // Without terms (no description), a name is judged arbitrary or fanciful by its words alone.
  DistinctivenessJudgement judge(std::string_view name, const DescriptionTerms* terms) const;

 private:
  struct WordVerdict;
  WordVerdict judge_word(const std::string& word, const DescriptionTerms* terms) const;
  bool is_word(std::string_view word) const;

  const lexicon::Lexicon* lexicon_;
};

// The words of a name as it is written: split at spaces, hyphens, punctuation and lower-to-upper
// case changes, lower-cased ("NoteScribe Labs" → note, scribe, labs).
std::vector<std::string> name_words(std::string_view name);

}  // namespace snai::score
