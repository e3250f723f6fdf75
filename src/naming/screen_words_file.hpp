// The name screen's word lists (screening::screen_word_lists, about 0.3 s of lexicon queries)
// saved by `snai data build` beside the lexicon they come from, so start-up reads them in one go
// and builds the NameScreen from them (NameScreen::from_lists) instead. The file carries the
// lexicon's fingerprint and build time: lists of another lexicon are not used.
//
//   save_screen_words(screening::screen_word_lists(lexicon), lexicon, "var/data/screen_words.tsv");
//   auto lists = load_screen_words("var/data/screen_words.tsv", lexicon);
//   // not_found: missing; failed_precondition: built from another lexicon; data_corrupt: damaged
//   auto screen = lists ? NameScreen::from_lists(*lists) : NameScreen::build(lexicon);
#pragma once

#include <filesystem>

#include "core/result.hpp"
#include "lexicon/lexicon.hpp"
#include "screening/name_screen.hpp"

namespace snai::naming {

// Atomic: written to a temporary file, then renamed into place.
Status save_screen_words(const screening::ScreenWordLists& lists, const lexicon::Lexicon& lexicon,
                         const std::filesystem::path& path);

Result<screening::ScreenWordLists> load_screen_words(const std::filesystem::path& path, const lexicon::Lexicon& lexicon);

}  // namespace snai::naming
