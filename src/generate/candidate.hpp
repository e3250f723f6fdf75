// One proposed name, as a strategy made it: the name as shown, its style, the parts it is
// built from and the description words behind it.
#pragma once

#include <string>
#include <vector>

#include "generate/style.hpp"

namespace snai::generate {

struct Candidate {
  std::string name;                // as shown: "NoteScribe", "Scribe Labs", "Lumina"
  Style style = Style::dictionary;
  std::vector<std::string> parts;  // what it is made of, in order: {"note", "scribe"}, {"note", "-ly"}, {"lumin(light)"}
  std::vector<std::string> roots;  // the description-derived words it rests on (for diversity): {"note", "scribe"}
  double relevance = 0;            // 0..1: how strongly its roots come from the description
  std::string sounds_like;         // a respelling's source word, said the same way ("Lyft" → "lift"); else 
};

}  // namespace snai::generate
