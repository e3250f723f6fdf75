#include "naming/name_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/utf8.hpp"
#include "naming/description_terms.hpp"

namespace snai::naming {
namespace {

std::string lower_letters(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status check_name(std::string_view name, std::size_t index) {
  const std::string field = fmt::format("names[{}]", index);
  if (!is_valid_utf8(name)) return fail(ErrorCode::invalid_argument, "a name must be valid UTF-8", field);
  if (name.size() > kMaxNameBytes)
    return fail(ErrorCode::invalid_argument, fmt::format("a name is at most {} bytes", kMaxNameBytes), field);
  if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    return fail(ErrorCode::invalid_argument, "a name cannot hold control characters", field);
  if (lower_letters(name).empty())
    return fail(ErrorCode::invalid_argument, "a name needs at least one letter or digit", field);
  return ok();
}

}  // namespace

Result<DescriptionRelevance> DescriptionRelevance::of(const Knowledge& knowledge, std::string_view description) {
  auto expansion = knowledge.expander.expand(description, {});
  if (!expansion) return fail(expansion.error());
  std::vector<Word> related, concepts;
  for (const auto& r : expansion->related)
    if (r.word.size() >= 3) related.push_back({lower_letters(r.word), r.weight});
  for (const auto& c : expansion->concepts)
    if (c.weight >= 0.3) concepts.push_back({c.lemma, c.weight});
  if (concepts.size() > 5) concepts.resize(5);
  return DescriptionRelevance(knowledge, std::move(related), std::move(concepts), description_terms(*expansion));
}

double DescriptionRelevance::operator()(std::string_view name) const {
  const std::string letters = lower_letters(name);
  if (letters.empty()) return 0;
  double best = 0;
  // A related word spelt out inside the name ("Scribewell" holds "scribe"): the more of the
  // name it is, the more the name says about the description.
  for (const Word& w : related_) {
    if (w.text.empty() || letters.find(w.text) == std::string::npos) continue;
    best = std::max(best, w.weight * std::sqrt(double(w.text.size()) / double(letters.size())));
  }
  // Otherwise its meaning: invented and respelt names still land near what they evoke.
  for (const Word& c : concepts_) {
    double similarity = knowledge_->embeddings.similarity(name, c.text);
    best = std::max(best, c.weight * std::clamp((similarity - 0.25) / 0.5, 0.0, 1.0) * 0.8);
  }
  return std::clamp(best, 0.0, 1.0);
}

Result<std::vector<ScoredInput>> score_names(const Knowledge& knowledge, std::span<const std::string> names,
                                             std::string_view description) {
  if (names.empty()) return fail(ErrorCode::invalid_argument, "give at least one name", "names");
  if (names.size() > kMaxScoredNames)
    return fail(ErrorCode::invalid_argument,
                fmt::format("at most {} names per call, got {}", kMaxScoredNames, names.size()), "names");
  for (std::size_t i = 0; i < names.size(); ++i)
    if (auto checked = check_name(names[i], i); !checked) return fail(checked.error());
  if (!is_valid_utf8(description))
    return fail(ErrorCode::invalid_argument, "the description must be valid UTF-8", "description");

  std::optional<DescriptionRelevance> relevance;
  if (!lower_letters(description).empty()) {
    auto judged = DescriptionRelevance::of(knowledge, description);
    if (!judged) return fail(judged.error());
    relevance = std::move(*judged);
  }
  std::vector<score::ScoreInput> inputs;
  inputs.reserve(names.size());
  for (const std::string& name : names) {
    score::ScoreInput input{.name = name};
    if (relevance) {
      input.relevance = (*relevance)(name);
      input.terms = &relevance->terms();
    }
    inputs.push_back(input);
  }
  const auto explain = names.size() <= kMaxExactExplanations ? score::Explain::shap : score::Explain::fast;
  auto scores = knowledge.scorer().score_batch(inputs, explain);
  std::vector<ScoredInput> out;
  out.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) out.push_back({names[i], std::move(scores[i])});
  return out;
}

}  // namespace snai::naming
