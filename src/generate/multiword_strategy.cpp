#include "generate/strategies.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <set>

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

// What startups of every industry put after a name, most common first in real startup names.
constexpr std::array<std::string_view, 3> kGeneralPartners = {"Labs", "Technologies", "Systems"};

std::vector<std::string_view> industry_partners(const StrategyInput& in) {
  // An industry counts only when two or more of the pool's words point to it, one of them by
  // being a cue word itself: a word read in the wrong sense through WordNet's topics ("docs" as
  // doctors, "family" as a taxonomic group) must not make a notes app a health company or a
  // budgeting app a biotech.
  std::array<double, kIndustries.size()> evidence{};
  std::array<std::set<std::string_view>, kIndustries.size()> voters;
  std::array<bool, kIndustries.size()> named{};
  auto vote = [&](std::string_view cue_word, std::string_view voter, double weight, bool direct) {
    for (std::size_t k = 0; k < kIndustries.size(); ++k)
      if (std::ranges::find(kIndustries[k].cues, cue_word) != kIndustries[k].cues.end()) {
        evidence[k] += weight;
        voters[k].insert(voter);
        named[k] = named[k] || direct;
      }
  };
  auto pool = in.pool.top(30, std::nullopt, 14);
  for (const PoolWord* w : pool) {
    vote(w->word, w->word, w->weight, true);
    for (const auto& topic : in.lexicon.domain_categories(w->word))
      if (topic.relation == lexicon::Relation::domain_topic) vote(topic.word, w->word, w->weight * 0.7, false);
  }
  std::map<std::string_view, double> votes;  // partner → evidence
  for (std::size_t k = 0; k < kIndustries.size(); ++k) {
    if (voters[k].size() < 2 || !named[k]) continue;
    for (std::size_t i = 0; i < kIndustries[k].partners.size(); ++i)
      votes[kIndustries[k].partners[i]] += evidence[k] * (1.0 - 0.1 * double(i));
  }
  std::vector<std::pair<double, std::string_view>> ranked;
  for (auto [partner, score] : votes) ranked.emplace_back(score, partner);
  std::ranges::sort(ranked, std::greater<>());
  // Only the industry the description is clearly in: a partner with a fraction of the leader's
  // evidence comes from a side word ("Medical Legal" for doctors' notes) and makes no sense.
  std::vector<std::string_view> partners;
  for (const auto& [score, partner] : ranked)
    if (score >= 0.5 * ranked.front().first) partners.push_back(partner);
  for (auto general : kGeneralPartners)
    if (std::ranges::find(partners, general) == partners.end()) partners.push_back(general);
  return partners;
}

// A word before a company word should call the product to mind without naming it: the
// description's own words (weight near 1: "Doctor Health") say nothing a founder can own, and
// the weakest associations say nothing at all. Highest for the middle of the pool.
double evocative(double weight) { return 0.2 + 3.2 * weight * (1.0 - weight); }

}  // namespace

void MultiwordStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto partners = industry_partners(in);
  auto nouns = in.pool.top(48, lexicon::Pos::noun, 10);
  std::erase_if(nouns, [&](const PoolWord* w) { return !names_a_thing(in.lexicon, w->word); });
  // Adjectives: for "adjective + company word" any everyday one of the pool (Notable Health); for
  // "adjective + noun" only the description's own (smart home → Smart Nest): two words picked
  // from the pool at random make no sense together ("Pregnant Visit", "Medical Legal").
  std::vector<const PoolWord*> adjectives, own_adjectives;
  for (const PoolWord* w : in.pool.top(60, lexicon::Pos::adjective, 9)) {
    if (w->pos.contains(lexicon::Pos::noun) || !w->common || !names_a_thing(in.lexicon, w->word)) continue;
    adjectives.push_back(w);
    if (w->relation == "concept" || w->relation == "keyword") own_adjectives.push_back(w);
  }

  struct Option {
    std::string name;
    std::vector<std::string> parts, roots;
    double relevance;
  };
  std::vector<Option> options;
  std::vector<double> weights;
  // Each word gets two partners, drawn by the seed with the industry's first ones likelier: a
  // list where every name ends in the same company word reads as a template, not as names.
  auto two_partners = [&] {
    std::vector<std::size_t> picked;
    while (picked.size() < std::min<std::size_t>(2, partners.size())) {
      std::size_t i = std::min(std::size_t(std::exponential_distribution<double>(0.6)(rng)), partners.size() - 1);
      if (std::ranges::find(picked, i) == picked.end()) picked.push_back(i);
    }
    return picked;
  };
  for (const PoolWord* n : nouns) {
    for (std::size_t i : two_partners()) {
      std::string partner(partners[i]);
      if (fold_name(partner) == n->word) continue;
      // The company word is a root too, for the ranking's diversity: one "... Spaces" among the top ten.
      options.push_back({capitalize(n->word) + " " + partner, {n->word, partner}, {n->word, fold_name(partner)}, n->weight});
      weights.push_back(evocative(n->weight) / (1.0 + 0.25 * double(i)));
    }
    if (n->relation == "concept" || n->relation == "keyword") continue;
    for (const PoolWord* a : own_adjectives) {
      if (a->word.substr(0, 3) == n->word.substr(0, 3)) continue;
      options.push_back({capitalize(a->word) + " " + capitalize(n->word), {a->word, n->word}, {a->word, n->word},
                         (a->weight + n->weight) / 2});
      weights.push_back((a->weight + n->weight) / 2);
    }
  }
  // An adjective can carry a company word on its own (Notable Health, Clear Labs).
  for (const PoolWord* a : adjectives)
    for (std::size_t i : two_partners()) {
      options.push_back({capitalize(a->word) + " " + std::string(partners[i]), {a->word, std::string(partners[i])},
                         {a->word, fold_name(partners[i])},
                         a->weight});
      weights.push_back(evocative(a->weight) / (1.0 + 0.25 * double(i)));
    }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    Option& o = options[i];
    if (!sink.offer({.name = std::move(o.name), .style = style(), .parts = std::move(o.parts),
                     .roots = std::move(o.roots), .relevance = o.relevance}))
      return;
  }
}

}  // namespace snai::generate
