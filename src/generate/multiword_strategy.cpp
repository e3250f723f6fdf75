#include "generate/strategies.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace snai::generate {

namespace {

// The words an industry's companies put after their name (Granza Bio, Scribe Health, K-Scale
// Labs). An industry is recognised when the description's words, or WordNet's topic domains of
// them (doctor → medicine), include one of its cue words.
struct Industry {
  std::array<std::string_view, 8> cues;
  std::array<std::string_view, 5> partners;
};

constexpr std::array<Industry, 12> kIndustries = {{
    {{"medicine", "medical", "health", "doctor", "physician", "clinic", "patient", "hospital"},
     {"Health", "Care", "Med", "Clinic", "Bio"}},
    {{"biology", "gene", "protein", "cell", "drug", "pharmacy", "molecule", "lab"}, {"Bio", "Labs", "Therapeutics", "Sciences", "Genomics"}},
    {{"computer", "software", "computing", "data", "code", "program", "intelligence", "robot"}, {"AI", "Labs", "Systems", "Cloud", "HQ"}},
    {{"finance", "money", "bank", "payment", "invest", "credit", "loan", "tax"}, {"Pay", "Capital", "Finance", "Money", "Bank"}},
    {{"food", "cooking", "recipe", "meal", "kitchen", "restaurant", "cook", "dish"}, {"Kitchen", "Eats", "Foods", "Table", "Pantry"}},
    {{"energy", "solar", "power", "electricity", "battery", "wind", "sun", "fuel"}, {"Energy", "Power", "Grid", "Solar", "Electric"}},
    {{"education", "school", "student", "teacher", "learn", "course", "study", "teach"}, {"Academy", "Learning", "School", "Tutor", "Labs"}},
    {{"travel", "trip", "hotel", "flight", "tourism", "journey", "vacation", "tour"}, {"Travel", "Trips", "Journeys", "Go", "Away"}},
    {{"dog", "cat", "pet", "animal", "veterinary", "puppy", "horse", "bird"}, {"Pets", "Paws", "Pack", "Club", "Friends"}},
    {{"house", "home", "real", "estate", "property", "rent", "building", "apartment"}, {"Homes", "Living", "Spaces", "Estates", "Nest"}},
    {{"law", "legal", "lawyer", "contract", "court", "attorney", "compliance", "justice"}, {"Legal", "Law", "Counsel", "Partners", "Docs"}},
    {{"fashion", "clothing", "garment", "dress", "shoe", "style", "wear", "textile"}, {"Studio", "Wear", "Collective", "Atelier", "Co"}},
}};

constexpr std::array<std::string_view, 5> kGeneralPartners = {"Labs", "HQ", "Co", "Studio", "Works"};

// Adjectives that give a noun a mood (Magic Hour, Clear Chart, Bright Path): used when the
// description offers no adjective of its own.
constexpr std::array<std::string_view, 12> kMoodAdjectives = {
    "bright", "clear", "true", "open", "magic", "happy", "swift", "bold", "good", "smart", "little", "north",
};

std::vector<std::string_view> industry_partners(const StrategyInput& in) {
  std::map<std::string_view, double> votes;  // partner → evidence
  auto vote = [&](std::string_view cue_word, double weight) {
    for (const Industry& industry : kIndustries)
      if (std::ranges::find(industry.cues, cue_word) != industry.cues.end())
        for (std::size_t i = 0; i < industry.partners.size(); ++i)
          votes[industry.partners[i]] += weight * (1.0 - 0.1 * double(i));
  };
  for (const PoolWord* w : in.pool.top(30, std::nullopt, 14)) {
    vote(w->word, w->weight);
    for (const auto& topic : in.lexicon.domain_categories(w->word))
      if (topic.relation == lexicon::Relation::domain_topic) vote(topic.word, w->weight * 0.7);
  }
  std::vector<std::pair<double, std::string_view>> ranked;
  for (auto [partner, score] : votes) ranked.emplace_back(score, partner);
  std::ranges::sort(ranked, std::greater<>());
  std::vector<std::string_view> partners;
  for (const auto& [score, partner] : ranked) partners.push_back(partner);
  for (auto general : kGeneralPartners)
    if (std::ranges::find(partners, general) == partners.end()) partners.push_back(general);
  return partners;
}

}  // namespace

void MultiwordStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto partners = industry_partners(in);
  auto nouns = in.pool.top(24, lexicon::Pos::noun, 10);
  std::vector<const PoolWord*> adjectives;
  for (const PoolWord* w : in.pool.top(60, lexicon::Pos::adjective, 9))
    if (!w->pos.contains(lexicon::Pos::noun) && w->common) adjectives.push_back(w);

  struct Option {
    std::string name;
    std::vector<std::string> parts, roots;
    double relevance;
  };
  std::vector<Option> options;
  std::vector<double> weights;
  for (const PoolWord* n : nouns) {
    for (std::size_t i = 0; i < partners.size(); ++i) {
      std::string partner(partners[i]);
      if (fold_name(partner) == n->word) continue;
      options.push_back({capitalize(n->word) + " " + partner, {n->word, partner}, {n->word}, n->weight});
      weights.push_back(n->weight / (1.0 + 0.25 * double(i)));
    }
    for (const PoolWord* a : adjectives) {
      if (a->word.substr(0, 3) == n->word.substr(0, 3)) continue;
      options.push_back({capitalize(a->word) + " " + capitalize(n->word), {a->word, n->word}, {a->word, n->word},
                         (a->weight + n->weight) / 2});
      weights.push_back((a->weight + n->weight) / 2);
    }
    for (std::string_view mood : kMoodAdjectives) {
      options.push_back({capitalize(mood) + " " + capitalize(n->word), {std::string(mood), n->word}, {n->word},
                         n->weight * 0.8});
      weights.push_back(n->weight * 0.3);
    }
  }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    Option& o = options[i];
    if (!sink.offer({.name = std::move(o.name), .style = style(), .parts = std::move(o.parts),
                     .roots = std::move(o.roots), .relevance = o.relevance}))
      return;
  }
}

}  // namespace snai::generate
