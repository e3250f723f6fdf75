// Latin and Greek roots for the `foreign` naming style: a curated table of root forms usable
// in names ("luc", "lux", "lumin"), their language, their meanings as English keywords and
// English words that show them, plus well-known name-friendly whole words ("nova", "vita").
// Source: Wikipedia, "List of Greek and Latin roots in English" (its three parts A–G, H–O,
// P–Z), selected and written down from that list; see roots_table.cpp.
//
//   for (const auto* root : snai::roots::roots_meaning("light"))
//     for (auto form : root->forms) std::cout << form << " ";   // luc lux lumin phot phos ...
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace snai::roots {

enum class ClassicalLanguage { latin, greek };
std::string_view to_string(ClassicalLanguage language);  // "latin", "greek"

struct ClassicalRoot {
  std::vector<std::string_view> forms;     // lower-case a-z, the main form first: "scrib", "script"
  ClassicalLanguage language = ClassicalLanguage::latin;
  std::vector<std::string_view> meanings;  // lower-case English lemmas: "write"
  std::vector<std::string_view> examples;  // English words from the root: "scribe", "describe"
  bool whole_word = false;                 // a word usable as it is: "nova", "vita", "lumen"
};

// The whole table, built on first use (thread-safe); entries stay valid for the program's life.
std::span<const ClassicalRoot> classical_roots();

// Roots with `english_word` (lower-cased here) among their meanings, in table order; exact
// match on the lemma — "lights" finds nothing, pass "light". Thread-safe.
std::vector<const ClassicalRoot*> roots_meaning(std::string_view english_word);

}  // namespace snai::roots
