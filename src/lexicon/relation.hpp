// How two words or synsets are related: WordNet's pointer types plus `synonym`
// (two words in the same synset). Lexicon::related() returns entries tagged with these.
//
//   for (const auto& r : lexicon.hypernyms("physician"))
//     std::cout << r.word << " (" << to_string(r.relation) << ")\n";  // medical practitioner (hypernym)
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace snai::lexicon {

// The comment after each value is WordNet's pointer symbol (wninput(5WN)).
enum class Relation : std::uint8_t {
  synonym,               // same synset (not a pointer)
  antonym,               // !
  hypernym,              // @
  instance_hypernym,     // @i
  hyponym,               // ~
  instance_hyponym,      // ~i
  member_holonym,        // #m
  substance_holonym,     // #s
  part_holonym,          // #p
  member_meronym,        // %m
  substance_meronym,     // %s
  part_meronym,          // %p
  attribute,             // =
  derivation,            // +  derivationally related form
  domain_topic,          // ;c domain of synset: topic category ("medicine")
  domain_topic_member,   // -c member of this topic domain
  domain_region,         // ;r
  domain_region_member,  // -r
  domain_usage,          // ;u
  domain_usage_member,   // -u
  entailment,            // *
  cause,                 // >
  also_see,              // ^
  verb_group,            // $
  similar_to,            // &
  participle,            // <
  pertainym,             // \  pertains to a noun (adjectives) / derived from an adjective (adverbs)
};

inline constexpr int kRelationCount = static_cast<int>(Relation::pertainym) + 1;

std::string_view to_string(Relation relation);  // "hypernym", "domain_topic", ...
std::optional<Relation> parse_relation(std::string_view name);
// WordNet's pointer symbol ("@", "~i", ";c", "\\") → relation; nullopt for unknown symbols.
std::optional<Relation> relation_from_pointer_symbol(std::string_view symbol);

}  // namespace snai::lexicon
