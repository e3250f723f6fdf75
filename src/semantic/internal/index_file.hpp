// The on-disk envelope of a VectorIndex file, kept apart from hnswlib (whose header may only be
// included by one translation unit): our header with checksums, the label table, and helpers to
// hand hnswlib (which reads and writes paths only) a memory-backed file.
//
// Layout (little-endian): header (kHeaderBytes) | labels section | hnswlib payload.
// Labels section: per hnswlib label id 0..count-1: u32 byte length, u8 removed flag, bytes.
// Checksums (of the header, the labels and the payload) are snai::hash64 (core/hash.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapped_file.hpp"
#include "core/result.hpp"

namespace snai::semantic::internal {

inline constexpr std::size_t kHeaderBytes = 96;
inline constexpr std::size_t kMaxLabelBytes = 4096;

inline constexpr std::uint32_t kElementHalf = 1;  // IEEE halves, zero-padded to a multiple of 8

struct IndexFileHeader {
  std::uint32_t element_type = kElementHalf;
  std::uint32_t dim = 0;
  std::uint32_t M = 0;
  std::uint32_t ef_construction = 0;
  std::uint32_t ef_search = 0;
  std::uint64_t count = 0;          // label slots (== hnswlib elements, removed ones included)
  std::uint64_t capacity = 0;
  std::uint64_t labels_bytes = 0;
  std::uint64_t payload_bytes = 0;
  std::uint64_t labels_checksum = 0;
  std::uint64_t payload_checksum = 0;
};

std::string encode_header(const IndexFileHeader& header);

// data_corrupt unless `bytes` holds a header of ours (magic, version, header checksum, sane
// fields) whose section sizes add up to `file_size`.
Result<IndexFileHeader> decode_header(std::string_view bytes, std::uint64_t file_size);

std::string encode_labels(const std::vector<std::string>& labels,
                          const std::vector<std::uint8_t>& removed);

// data_corrupt on any inconsistency (lengths past the end, wrong count, duplicates, bad flags).
Status decode_labels(std::string_view bytes, std::uint64_t count,
                     std::vector<std::string>& labels, std::vector<std::uint8_t>& removed);

// An anonymous in-memory file (memfd) reachable by a path, for libraries that insist on paths.
class MemoryFile {
 public:
  static Result<MemoryFile> create();
  MemoryFile(MemoryFile&& other) noexcept;
  MemoryFile& operator=(MemoryFile&&) = delete;
  ~MemoryFile();

  std::string path() const;  // /proc/self/fd/N
  Status write_all(std::string_view bytes);
  Result<MappedFile> map() const;

 private:
  explicit MemoryFile(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace snai::semantic::internal
