#include "lexicon/internal/text_file.hpp"

#include "core/file_io.hpp"

namespace snai::lexicon::internal {

Result<std::string> read_text_file(const std::filesystem::path& path, std::string_view package) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return fail(ErrorCode::failed_precondition,
                path.string() + " is missing (install the Debian package " + std::string(package) + ")",
                path.string());
  auto text = read_file(path);
  if (!text) return fail(ErrorCode::unavailable, text.error().message, path.string());
  return text;
}

Error corrupt_input(const std::filesystem::path& path, std::size_t line, std::string_view what,
                    std::string_view package) {
  return Error{ErrorCode::data_corrupt,
               path.string() + ":" + std::to_string(line) + ": " + std::string(what) + " (is the " +
                   std::string(package) + " package intact? reinstall it)",
               path.string()};
}

}  // namespace snai::lexicon::internal
