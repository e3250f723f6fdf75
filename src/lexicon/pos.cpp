#include "lexicon/pos.hpp"

#include "lexicon/relation.hpp"

namespace snai::lexicon {

std::string_view to_string(Pos pos) {
  switch (pos) {
    case Pos::noun: return "noun";
    case Pos::verb: return "verb";
    case Pos::adjective: return "adjective";
    case Pos::adverb: return "adverb";
  }
  return "noun";
}

char wordnet_letter(Pos pos) {
  switch (pos) {
    case Pos::noun: return 'n';
    case Pos::verb: return 'v';
    case Pos::adjective: return 'a';
    case Pos::adverb: return 'r';
  }
  return 'n';
}

std::optional<Pos> parse_pos(std::string_view text) {
  if (text == "n" || text == "noun") return Pos::noun;
  if (text == "v" || text == "verb") return Pos::verb;
  if (text == "a" || text == "s" || text == "adj" || text == "adjective") return Pos::adjective;
  if (text == "r" || text == "adv" || text == "adverb") return Pos::adverb;
  return std::nullopt;
}

std::vector<Pos> PosSet::list() const {
  std::vector<Pos> out;
  for (Pos pos : kAllPos)
    if (contains(pos)) out.push_back(pos);
  return out;
}

namespace {

struct RelationName {
  Relation relation;
  std::string_view name;
  std::string_view symbol;
};

constexpr RelationName kRelations[] = {
    {Relation::synonym, "synonym", ""},
    {Relation::antonym, "antonym", "!"},
    {Relation::hypernym, "hypernym", "@"},
    {Relation::instance_hypernym, "instance_hypernym", "@i"},
    {Relation::hyponym, "hyponym", "~"},
    {Relation::instance_hyponym, "instance_hyponym", "~i"},
    {Relation::member_holonym, "member_holonym", "#m"},
    {Relation::substance_holonym, "substance_holonym", "#s"},
    {Relation::part_holonym, "part_holonym", "#p"},
    {Relation::member_meronym, "member_meronym", "%m"},
    {Relation::substance_meronym, "substance_meronym", "%s"},
    {Relation::part_meronym, "part_meronym", "%p"},
    {Relation::attribute, "attribute", "="},
    {Relation::derivation, "derivation", "+"},
    {Relation::domain_topic, "domain_topic", ";c"},
    {Relation::domain_topic_member, "domain_topic_member", "-c"},
    {Relation::domain_region, "domain_region", ";r"},
    {Relation::domain_region_member, "domain_region_member", "-r"},
    {Relation::domain_usage, "domain_usage", ";u"},
    {Relation::domain_usage_member, "domain_usage_member", "-u"},
    {Relation::entailment, "entailment", "*"},
    {Relation::cause, "cause", ">"},
    {Relation::also_see, "also_see", "^"},
    {Relation::verb_group, "verb_group", "$"},
    {Relation::similar_to, "similar_to", "&"},
    {Relation::participle, "participle", "<"},
    {Relation::pertainym, "pertainym", "\\"},
};
static_assert(std::size(kRelations) == kRelationCount);

}  // namespace

std::string_view to_string(Relation relation) {
  auto index = static_cast<std::size_t>(relation);
  return index < std::size(kRelations) ? kRelations[index].name : "unknown";
}

std::optional<Relation> parse_relation(std::string_view name) {
  for (const auto& r : kRelations)
    if (r.name == name) return r.relation;
  return std::nullopt;
}

std::optional<Relation> relation_from_pointer_symbol(std::string_view symbol) {
  if (symbol.empty()) return std::nullopt;
  for (const auto& r : kRelations)
    if (r.symbol == symbol) return r.relation;
  return std::nullopt;
}

}  // namespace snai::lexicon
