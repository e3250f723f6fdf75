// One header for binary artifacts: an 8-byte magic naming the format, the format version, a
// byte-order mark, the payload's size and its hash64 checksum (core/hash.hpp), 32 bytes in all,
// then the payload. A loader learns in one call whether the file is its format, of its version,
// written on a machine of its byte order, complete and unchanged.
//
//   std::string bytes = encode_artifact_header(kMagic, kVersion, payload) + payload;
//   if (auto st = write_file_atomically(path, bytes); !st) return st;
//   ...
//   auto payload = verify_artifact(file_bytes, kMagic, kVersion, "prefs.bin");   // a view into file_bytes
//
// The preference model (preference_model.cpp, format 2) uses it. The artifact formats written
// before it existed (lexicon.bin, charlm.bin, the HNSW index files, the zone index,
// distributional vectors) keep their own headers, whose bytes data built on disk depends on;
// one moves to this header only with a version bump.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace snai {

inline constexpr std::size_t kArtifactHeaderBytes = 32;

// The header for `payload`; `magic` is exactly 8 bytes.
std::string encode_artifact_header(std::string_view magic, std::uint32_t version, std::string_view payload);

// The payload after the header of `bytes`. data_corrupt naming `what` when the magic is not
// `magic`, the byte order differs, the size or checksum does not match; when the version is
// not `version`, data_corrupt that ends with `remedy` (by default, to rebuild the data).
Result<std::string_view> verify_artifact(std::string_view bytes, std::string_view magic, std::uint32_t version,
                                         std::string_view what,
                                         std::string_view remedy = "rebuild it with `snai data build`");

}  // namespace snai
