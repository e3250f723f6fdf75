#include "generate/generator.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <random>
#include <unordered_set>

#include "generate/strategies.hpp"

namespace snai::generate {

Generator::Generator(GeneratorParts parts) : parts_(std::move(parts)), strategies_(all_strategies()) {}

Result<Generation> Generator::generate(const GenerateRequest& request, std::size_t candidates,
                                       Deadline deadline) const {
  if (auto valid = validate(request); !valid) return fail(valid.error());
  Generation out;
  auto expansion = parts_.expander.expand(request.description, {});
  if (expansion) {
    out.expansion = std::move(*expansion);
  } else if (request.keywords.empty()) {
    return fail(expansion.error());
  } else {
    out.notes.push_back(fmt::format("description not used: {}; names come from the keywords", expansion.error().message));
  }
  for (auto& note : out.expansion.notes) out.notes.push_back(note);

  WordPool pool = WordPool::build(out.expansion, request.keywords, parts_.lexicon);
  if (pool.empty())
    return fail(ErrorCode::invalid_argument, "the description has no words a name can be made from", "description");
  Constraints constraints(request);
  std::uint64_t seed = request.seed ? *request.seed : std::random_device{}() * 0x9E3779B97F4A7C15ull + std::random_device{}();
  StrategyInput input{.pool = pool, .lexicon = parts_.lexicon, .pronouncer = parts_.pronouncer,
                      .constraints = constraints, .char_model = parts_.char_model, .seed = seed};

  std::vector<const Strategy*> chosen;
  for (const auto& s : strategies_)
    if (request.styles.empty() || std::ranges::find(request.styles, s->style()) != request.styles.end())
      chosen.push_back(s.get());
  std::size_t per_style = std::max<std::size_t>(8, (candidates + chosen.size() - 1) / chosen.size());

  std::unordered_set<std::string> seen;  // folded names already admitted
  auto admit = [&](const Candidate& c) {
    if (!constraints.admits(c.name)) return false;
    std::string folded = fold_name(c.name);
    if (seen.contains(folded)) return false;
    if (parts_.brands && parts_.brands->contains(c.name)) return false;
    if (parts_.blocked && parts_.blocked(c.name)) return false;
    seen.insert(std::move(folded));
    return true;
  };
  // First round: an equal share per style. Second round: the styles that filled their share
  // make up for those that ran out of ideas, so the request still gets `candidates` names.
  // A second run of a strategy would offer its first-round names again (refused as repeats) and
  // then new ones: the first round looks a few offers ahead, so that the second usually starts
  // where the first stopped instead of redoing it. A second round needs about 8 new offers per
  // style; the lookahead costs a quarter more offers in the first round when no second comes.
  constexpr std::size_t kLookahead = 16;
  std::vector<std::pair<const Strategy*, FirstRun>> productive;
  auto take = [&](CandidateSink& sink) {
    out.offered += sink.offers();
    std::size_t got = sink.candidates().size();
    for (auto& c : sink.candidates()) out.candidates.push_back(std::move(c));
    return got;
  };
  for (const Strategy* strategy : chosen) {
    CandidateSink sink(per_style, deadline, admit, kLookahead);
    strategy->propose(input, sink);
    std::size_t got = take(sink);
    if (got >= per_style) productive.emplace_back(strategy, FirstRun::of(sink));
    if (got == 0 && (strategy->style() != Style::invented || parts_.char_model))
      out.notes.push_back(fmt::format("no {} names fit ({})", to_string(strategy->style()), constraints.describe()));
    if (strategy->style() == Style::invented && !parts_.char_model)
      out.notes.push_back("invented names need the character model: run `snai data build`");
    if (std::chrono::steady_clock::now() >= deadline) break;
  }
  if (out.candidates.size() < candidates && !productive.empty()) {
    std::size_t extra = (candidates - out.candidates.size() + productive.size() - 1) / productive.size();
    // As if the strategy proposed again: its first names refused as repeats, then new ones.
    for (auto& [strategy, first] : productive) {
      if (std::chrono::steady_clock::now() >= deadline || out.candidates.size() >= candidates) break;
      CandidateSink sink(std::min(extra, candidates - out.candidates.size()), deadline, admit);
      propose_again(*strategy, input, first, sink);
      take(sink);
    }
  }
  if (std::chrono::steady_clock::now() >= deadline) {
    out.cut_short = true;
    out.notes.push_back("time budget reached: some styles were cut short");
  }
  return out;
}

}  // namespace snai::generate
