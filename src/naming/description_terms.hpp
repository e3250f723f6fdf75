// A description's words sorted by how literally they say what the product is, for judging
// distinctiveness (score/distinctiveness.hpp): the description's own content words and their
// close synonyms are its category; broader, narrower and derived words and the strongest
// associations describe it; the rest of the expansion are associations a name may hint through.
//
//   auto expansion = knowledge.expander.expand("AI note-taking for doctors", {});
//   score::DescriptionTerms terms = description_terms(*expansion);
//   terms.find("physician")->level;   // category
#pragma once

#include "score/distinctiveness.hpp"
#include "semantic/concept_expander.hpp"

namespace snai::naming {

score::DescriptionTerms description_terms(const semantic::Expansion& expansion);

}  // namespace snai::naming
