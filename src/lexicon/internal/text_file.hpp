// Reading the Debian data files: whole file into memory, then line by line.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"

namespace snai::lexicon::internal {

// The whole file; `package` names the Debian package that provides it, for the error message.
Result<std::string> read_text_file(const std::filesystem::path& path, std::string_view package);

// Calls visit(line, line_number) for each line without its '\n' (and '\r'); stops at the
// first error visit returns.
template <class Visit>
Status for_each_line(std::string_view text, Visit&& visit) {
  std::size_t line_number = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    if (auto status = visit(line, line_number); !status) return status;
    pos = end + 1;
  }
  return ok();
}

// read_text_file, then for_each_line over it.
template <class Visit>
Status for_each_file_line(const std::filesystem::path& path, std::string_view package, Visit&& visit) {
  auto text = read_text_file(path, package);
  if (!text) return fail(text.error());
  return for_each_line(*text, std::forward<Visit>(visit));
}

// "<path>:<line>: <what> (is the <package> package intact?)" as a data_corrupt error.
Error corrupt_input(const std::filesystem::path& path, std::size_t line, std::string_view what,
                    std::string_view package);

}  // namespace snai::lexicon::internal
