#include "lexicon/wordlist_reader.hpp"

#include "lexicon/internal/text_file.hpp"

namespace snai::lexicon {

Result<std::vector<std::string>> read_word_list(const std::filesystem::path& path, std::string_view package) {
  std::vector<std::string> words;
  auto status = internal::for_each_file_line(path, package, [&](std::string_view line, std::size_t number) -> Status {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.ends_with("'s")) return ok();
    if (line.size() > 100 || line.find('\0') != std::string_view::npos)
      return fail(internal::corrupt_input(path, number, "not a word list line", package));
    words.emplace_back(line);
    return ok();
  });
  if (!status) return fail(status.error());
  if (words.empty()) return fail(internal::corrupt_input(path, 0, "no words", package));
  return words;
}

}  // namespace snai::lexicon
