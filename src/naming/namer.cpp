#include "naming/namer.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "naming/description_terms.hpp"
#include "naming/real_names.hpp"

namespace snai::naming {

Namer::Namer(const Knowledge& knowledge, NamerOptions options)
    : knowledge_(knowledge), options_(options), scorer_(knowledge.scorer()) {}

void Namer::explain(std::vector<ScoredName>& names, const Screened& screened_of, const score::DescriptionTerms& terms) const {
  std::vector<score::ScoreInput> inputs;
  inputs.reserve(names.size());
  for (const auto& n : names)
    inputs.push_back({.name = n.candidate.name, .relevance = n.candidate.relevance, .sounds_like = n.candidate.sounds_like,
                      .screened = screened_of(n.candidate.name), .terms = &terms});
  auto explained = scorer_.score_batch(inputs, score::Explain::fast);
  for (std::size_t i = 0; i < names.size(); ++i) names[i].score = std::move(explained[i]);
}

Result<NamingResult> Namer::generate(const generate::GenerateRequest& request) const {
  auto started = std::chrono::steady_clock::now();
  std::size_t wanted = std::max(options_.min_candidates, std::size_t(request.count) * 4);
  // The generator screens every name it admits; what the screen found is kept for the quality
  // features (the same screen), which would otherwise screen all 500 names a second time.
  std::unordered_map<std::string, std::vector<screening::ScreenFinding>> screened;
  screened.reserve(2 * wanted);
  const screening::NameScreen& screen = knowledge_.screen;
  generate::Generator generator({.lexicon = knowledge_.lexicon,
                                 .pronouncer = knowledge_.pronouncer,
                                 .expander = knowledge_.expander,
                                 .brands = knowledge_.brands ? &*knowledge_.brands : nullptr,
                                 // Invented names spell like real names when that model was built.
                                 .char_model = knowledge_.name_char_model ? &*knowledge_.name_char_model
                                               : knowledge_.char_model    ? &*knowledge_.char_model
                                                                          : nullptr,
                                 .blocked = [&](std::string_view name) {
                                   // An existing company's name is not a new name (the character
                                   // model of real names can spell one out).
                                   if (!knowledge_.known_companies.empty() &&
                                       knowledge_.known_companies.contains(fold_company_name(name)))
                                     return true;
                                   auto findings = screen.screen(name);
                                   bool blocked = screening::NameScreen::blocks(findings);
                                   if (!blocked) screened.insert_or_assign(std::string(name), std::move(findings));
                                   return blocked;
                                 }});
  auto generation = generator.generate(request, wanted, started + options_.budget);
  if (!generation) return fail(generation.error());
  auto screened_of = [&](const std::string& name) -> const std::vector<screening::ScreenFinding>* {
    auto it = screened.find(name);
    return it == screened.end() ? nullptr : &it->second;
  };

  // What the description itself says: names that merely repeat it rank below those that hint at it.
  const score::DescriptionTerms terms = description_terms(generation->expansion);
  NamingResult out;
  out.notes = std::move(generation->notes);
  out.cut_short = generation->cut_short;
  // Ranking needs scores only; the reasons are worked out for the names returned (below).
  std::vector<score::ScoreInput> inputs;
  inputs.reserve(generation->candidates.size());
  for (const auto& c : generation->candidates)
    inputs.push_back({.name = c.name, .relevance = c.relevance, .sounds_like = c.sounds_like, .screened = screened_of(c.name),
                      .terms = &terms});
  auto scores = scorer_.score_batch(inputs, score::Explain::none);
  std::vector<ScoredName> scored;
  scored.reserve(generation->candidates.size());
  for (std::size_t i = 0; i < scores.size(); ++i)
    scored.push_back({std::move(generation->candidates[i]), std::move(scores[i])});
  out.candidates = scored.size();
  RankOptions rank{.count = std::size_t(request.count),
                   .allow_shared_roots = request.allow_shared_roots || !request.contains.empty()};
  // Names at high risk of confusion with an existing brand are left out, checked only for the
  // names the ranker is about to take.
  std::size_t too_close = 0;
  std::string example;
  if (knowledge_.brand_index && !request.allow_similar_brands)
    rank.acceptable = [&](const generate::Candidate& c) {
      // Spelling and sound only, except for names of several words: their brands are often
      // found only through meaning ("Home Cloud" → ownCloud), then judged by sound like the rest.
      bool several_words = c.name.find(' ') != std::string::npos;
      auto matches = knowledge_.brand_index->find(c.name, 1, {.meaning = several_words});
      bool risky = matches && !matches->empty() && matches->front().risk == conflicts::Risk::high;
      if (risky && too_close++ == 0) example = fmt::format("{} ({})", c.name, matches->front().reason);
      return !risky;
    };
  out.names = rank_names(std::move(scored), rank);
  explain(out.names, screened_of, terms);
  if (too_close > 0)
    out.notes.push_back(fmt::format("{} name{} too close to existing brands left out, e.g. {}", too_close,
                                    too_close == 1 ? "" : "s", example));
  if (out.names.empty())
    out.notes.push_back(fmt::format("no name fits: {}", generate::Constraints(request).describe()));
  else if (out.names.size() < std::size_t(request.count))
    out.notes.push_back(fmt::format("{} of {} names: the filters left no more", out.names.size(), request.count));
  out.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace snai::naming
