// Whole-file reads and crash-safe whole-file writes, for every artifact and index file the
// product keeps: a write goes to a temporary file beside the target (name.tmp<pid>), is fsynced,
// renamed over the target and the folder fsynced, so a reader sees the old file or the new one,
// never half of one, even after a power cut.
//
//   if (auto saved = write_file_atomically(path, bytes); !saved) return saved;
//   auto bytes = read_file(path);   // not_found when missing
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace snai {

// `parts` written one after another. unavailable (field "path") when it cannot be written.
Status write_file_atomically(const std::filesystem::path& path, std::span<const std::string_view> parts);
Status write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// The whole file. not_found when it does not exist, unavailable when it cannot be read.
Result<std::string> read_file(const std::filesystem::path& path);
// The same for an artifact of `snai data build`: not_found says "<what> <path> is missing: run
// `snai data build`" ("quality model var/data/quality.xgb is missing: ...").
Result<std::string> read_artifact(const std::filesystem::path& path, std::string_view what);

}  // namespace snai
