#include "score/distinctiveness.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include "lexicon/lexicon.hpp"
#include "score/features.hpp"

namespace snai::score {

namespace {

// Log-odds effects. Generic names sink below nearly every real name; descriptive ones below most;
// a hint through association is what founders look for.
constexpr double kGenericEffect = -6.0;
constexpr double kDescriptiveCategoryEffect = -3.0;  // leans on the product's own words
constexpr double kDescriptiveEffect = -2.0;          // leans on words describing it
constexpr double kSuggestiveEffect = 1.0;
// A company word after the name (Labs, Health, AI) costs nothing: real startups use them a lot
// (Oscar Health, Scale AI); the name before it is what is judged.

// A description term spelt inside a coined word counts as the word's stem when it is at least
// this share of it ("medical" in "medicalora"): the rest is an ending, not a new word.
constexpr double kStemShare = 0.5;

bool plural_of(std::string_view word, std::string_view base) {
  return word.size() == base.size() + 1 && word.back() == 's' && word.starts_with(base);
}

}  // namespace

std::string_view to_string(Distinctiveness level) {
  switch (level) {
    case Distinctiveness::generic: return "generic";
    case Distinctiveness::descriptive: return "descriptive";
    case Distinctiveness::suggestive: return "suggestive";
    case Distinctiveness::arbitrary: return "arbitrary";
    case Distinctiveness::fanciful: return "fanciful";
  }
  return "arbitrary";
}

DescriptionTerms::DescriptionTerms(const std::vector<DescriptionTerm>& terms) {
  for (const auto& t : terms) {
    if (t.word.empty()) continue;
    auto [it, inserted] = terms_.try_emplace(t.word, t);
    if (!inserted && t.level < it->second.level) it->second = t;
    if (!inserted && t.level == it->second.level) it->second.weight = std::max(it->second.weight, t.weight);
  }
}

const DescriptionTerm* DescriptionTerms::find(std::string_view word) const {
  auto it = terms_.find(word);
  return it == terms_.end() ? nullptr : &it->second;
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  char previous = ' ';
  for (char raw : name) {
    auto c = static_cast<unsigned char>(raw);
    if (c < 0x80 && std::isalnum(c)) {
      bool case_change = std::isupper(c) && std::islower(static_cast<unsigned char>(previous));
      if (case_change && !current.empty()) words.push_back(std::move(current)), current.clear();
      current.push_back(static_cast<char>(std::tolower(c)));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
    previous = raw;
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

struct DistinctivenessJudge::WordVerdict {
  enum class Kind { term, word, coined } kind = Kind::coined;
  const DescriptionTerm* term = nullptr;  // the description term it is or holds
  double share = 0;                       // of the word's letters the term covers (1: it is the term)
};

namespace {
// Only these endings can make an inflected form; other words skip the (costly) morphology.
bool may_be_inflected(std::string_view word) {
  return word.size() > 3 && (word.ends_with('s') || word.ends_with("ed") || word.ends_with("ing") ||
                             word.ends_with("er") || word.ends_with("est"));
}
}  // namespace

bool DistinctivenessJudge::is_word(std::string_view word) const {
  if (!lexicon_ || word.size() < 2) return false;
  auto w = lexicon_->lookup(word);
  if (w) return !w->capitalized && (w->in_wordnet || w->common);
  // Inflected forms (notes, taking) are words too.
  if (!may_be_inflected(word)) return false;
  for (const auto& base : lexicon_->base_forms(word))
    if (base != word && lexicon_->lookup(base)) return true;
  return false;
}

DistinctivenessJudge::WordVerdict DistinctivenessJudge::judge_word(const std::string& word,
                                                                   const DescriptionTerms* terms) const {
  using Kind = WordVerdict::Kind;
  if (terms && !terms->empty()) {
    if (const auto* t = terms->find(word)) return {Kind::term, t, 1.0};
    if (word.size() > 3 && word.back() == 's')
      if (const auto* t = terms->find(std::string_view(word).substr(0, word.size() - 1))) return {Kind::term, t, 1.0};
    if (lexicon_ && may_be_inflected(word))
      for (const auto& base : lexicon_->base_forms(word))
        if (const auto* t = terms->find(base)) return {Kind::term, t, 1.0};
  }
  if (is_word(word)) return {Kind::word, nullptr, 0};
  WordVerdict coined{Kind::coined, nullptr, 0};
  if (!terms || terms->empty()) return coined;
  // The longest description term spelt inside the coined word: "medicalora" holds "medical",
  // "notora" holds "note" with its final e given to the ending.
  std::string probe;
  for (std::size_t len = word.size() - 1; len >= 3 && !coined.term; --len)
    for (std::size_t start = 0; start + len <= word.size(); ++start) {
      std::string_view piece = std::string_view(word).substr(start, len);
      const DescriptionTerm* t = terms->find(piece);
      if (!t && start == 0) {
        probe.assign(piece);
        probe += 'e';
        t = terms->find(probe);
      }
      if (!t && start == 0 && len >= 4) {  // a clipped plural stem: "docs" in "docsly"
        if (plural_of(piece, piece.substr(0, len - 1))) t = terms->find(piece.substr(0, len - 1));
      }
      // Three letters count only at the start and for the product's own words (doc, med).
      if (t && (len >= 4 || (start == 0 && t->level == TermLevel::category))) {
        coined.term = t;
        coined.share = double(len) / double(word.size());
        break;
      }
    }
  return coined;
}

DistinctivenessJudgement DistinctivenessJudge::judge(std::string_view name, const DescriptionTerms* terms) const {
  using Kind = WordVerdict::Kind;
  auto words = name_words(name);
  DistinctivenessJudgement out;
  // Stock company words after the name proper ("Scribe Health", "K-Scale Labs") are set aside.
  std::string company;
  while (words.size() >= 2 && is_descriptor_word(words.back())) {
    company = words.back();
    words.pop_back();
  }
  out.company_word = !company.empty();
  if (words.size() == 1 && is_descriptor_word(words.front()) && terms) {
    out.level = Distinctiveness::generic;
    out.word = words.front();
  }

  std::vector<WordVerdict> verdicts;
  verdicts.reserve(words.size());
  for (const auto& w : words) verdicts.push_back(judge_word(w, terms));

  // The description word the name leans on most literally: the closest level, then the largest share.
  const WordVerdict* literal = nullptr;
  for (const auto& v : verdicts) {
    if (!v.term) continue;
    bool stem = v.kind == Kind::term || v.share >= kStemShare;
    if (!stem || v.term->level == TermLevel::associative) continue;
    if (!literal || v.term->level < literal->term->level || (v.term->level == literal->term->level && v.share > literal->share))
      literal = &v;
  }
  const WordVerdict* hint = nullptr;
  for (const auto& v : verdicts)
    if (v.term && (!hint || v.term->weight > hint->term->weight)) hint = &v;

  bool all_words = !verdicts.empty() && std::ranges::all_of(verdicts, [](const WordVerdict& v) { return v.kind != Kind::coined; });
  if (out.level == Distinctiveness::generic) {
    // only company words
  } else if (literal && verdicts.size() == 1 && !out.company_word && literal->kind == Kind::term &&
             literal->term->level == TermLevel::category) {
    out.level = Distinctiveness::generic;
    out.word = literal->term->word;
  } else if (literal) {
    out.level = Distinctiveness::descriptive;
    out.word = literal->term->word;
  } else if (hint) {
    out.level = Distinctiveness::suggestive;
    out.word = hint->term->word;
  } else {
    out.level = all_words ? Distinctiveness::arbitrary : Distinctiveness::fanciful;
  }

  switch (out.level) {
    case Distinctiveness::generic:
      out.effect = kGenericEffect;
      out.why = fmt::format("names the product's own category (\"{}\"): cannot be registered as a trademark, and the "
                            ".com was taken decades ago",
                            out.word);
      break;
    case Distinctiveness::descriptive: {
      bool category = literal->term->level == TermLevel::category;
      out.effect = category ? kDescriptiveCategoryEffect : kDescriptiveEffect;
      bool coined = literal->kind == Kind::coined;
      out.why = fmt::format("describes the product (\"{}\"{}): weak as a trademark and easy for others to copy", out.word,
                            coined ? " with a stock ending" : verdicts.size() > 1 ? " with another word" : "");
      break;
    }
    case Distinctiveness::suggestive:
      // An association with a stock ending ("Hospitalio") hints as much but is no better a name for it.
      if (hint->kind == Kind::coined && hint->share >= kStemShare) {
        out.why = fmt::format("hints at the product through \"{}\", with a stock ending", out.word);
        break;
      }
      out.effect = kSuggestiveEffect;
      out.why = fmt::format("hints at the product through \"{}\" without naming it: ownable", out.word);
      break;
    case Distinctiveness::arbitrary:
      out.why = terms ? "a real word with no tie to the product: ownable, the brand gives it its meaning"
                      : "made of real words";
      break;
    case Distinctiveness::fanciful:
      out.why = "an invented word: the most ownable kind of name";
      break;
  }
  if (out.company_word) out.why += fmt::format("; \"{}\" after it says what kind of company it is", company);
  return out;
}

}  // namespace snai::score
