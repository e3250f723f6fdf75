#include "lexicon/internal/artifact_writer.hpp"

#include <limits>
#include <vector>

#include "core/clock.hpp"
#include "core/file_io.hpp"

namespace snai::lexicon::internal {

format::StrRef StringPool::add(std::string_view text) {
  constexpr std::size_t kShort = 64;  // words and phoneme strings repeat; glosses do not
  if (text.size() <= kShort) {
    if (auto it = short_strings_.find(std::string(text)); it != short_strings_.end()) return it->second;
  }
  if (bytes_.size() + text.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("lexicon string pool exceeds 4 GiB");
  format::StrRef ref{static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(text.size())};
  bytes_.append(text);
  if (text.size() <= kShort) short_strings_.emplace(std::string(text), ref);
  return ref;
}

void ArtifactWriter::set_raw(format::Section section, std::string bytes, std::uint32_t count,
                             std::uint32_t record_size) {
  sections_[static_cast<std::uint32_t>(section)] = {std::move(bytes), count, record_size};
}

Status ArtifactWriter::write(const std::filesystem::path& path, std::uint64_t source_fingerprint) const {
  auto align = [](std::uint64_t n) { return (n + 7) & ~std::uint64_t{7}; };
  format::Header header{};
  std::memcpy(header.magic, format::kMagic, sizeof header.magic);
  header.version = format::kVersion;
  header.byte_order = format::kByteOrderMark;
  header.source_fingerprint = source_fingerprint;
  header.built_unix_ms = now_unix_ms();
  header.section_count = format::kSectionCount;
  header.header_size = sizeof(format::Header);
  std::uint64_t offset = align(sizeof(format::Header));
  for (std::uint32_t i = 0; i < format::kSectionCount; ++i) {
    header.sections[i] = {offset, sections_[i].bytes.size(), sections_[i].count, sections_[i].record_size};
    offset = align(offset + sections_[i].bytes.size());
  }
  header.file_size = offset;

  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  // The header, then each section at its 8-aligned offset, zero-padded, and zeros to file_size.
  static const char kZeros[8] = {};
  std::vector<std::string_view> parts{{reinterpret_cast<const char*>(&header), sizeof header}};
  std::uint64_t written = sizeof header;
  for (std::uint32_t i = 0; i < format::kSectionCount; ++i) {
    parts.emplace_back(kZeros, header.sections[i].offset - written);
    parts.emplace_back(sections_[i].bytes);
    written = header.sections[i].offset + sections_[i].bytes.size();
  }
  parts.emplace_back(kZeros, header.file_size - written);
  return write_file_atomically(path, parts);
}

}  // namespace snai::lexicon::internal
