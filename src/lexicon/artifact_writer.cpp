#include "lexicon/internal/artifact_writer.hpp"

#include <fstream>
#include <limits>
#include <unistd.h>

#include "core/clock.hpp"

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
  auto tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail(ErrorCode::unavailable, "cannot write " + tmp.string(), path.string());
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    static const char kZeros[8] = {};
    std::uint64_t written = sizeof header;
    for (std::uint32_t i = 0; i < format::kSectionCount; ++i) {
      out.write(kZeros, static_cast<std::streamsize>(header.sections[i].offset - written));
      out.write(sections_[i].bytes.data(), static_cast<std::streamsize>(sections_[i].bytes.size()));
      written = header.sections[i].offset + sections_[i].bytes.size();
    }
    out.write(kZeros, static_cast<std::streamsize>(header.file_size - written));
    out.flush();
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return fail(ErrorCode::unavailable, "cannot write " + tmp.string() + " (disk full?)", path.string());
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return fail(ErrorCode::unavailable, "cannot move the lexicon into " + path.string() + ": " + ec.message(),
                path.string());
  }
  return ok();
}

}  // namespace snai::lexicon::internal
