#include "core/artifact_header.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>

#include "core/hash.hpp"

namespace snai {
namespace {

constexpr std::uint32_t kByteOrderMark = 0x01020304;

// Layout: magic[8] | u32 version | u32 byte order | u64 payload size | u64 payload hash64.
struct Fields {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t payload_size;
  std::uint64_t payload_checksum;
};
static_assert(sizeof(Fields) == kArtifactHeaderBytes);

}  // namespace

std::string encode_artifact_header(std::string_view magic, std::uint32_t version, std::string_view payload) {
  Fields f{};
  std::memcpy(f.magic, magic.data(), std::min(magic.size(), sizeof f.magic));
  f.version = version;
  f.byte_order = kByteOrderMark;
  f.payload_size = payload.size();
  f.payload_checksum = hash64(payload);
  return std::string(reinterpret_cast<const char*>(&f), sizeof f);
}

Result<std::string_view> verify_artifact(std::string_view bytes, std::string_view magic, std::uint32_t version,
                                         std::string_view what, std::string_view remedy) {
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("{} is not usable: {}", what, why));
  };
  Fields f{};
  if (bytes.size() < sizeof f) return corrupt("shorter than its header");
  std::memcpy(&f, bytes.data(), sizeof f);
  if (std::string_view(f.magic, sizeof f.magic) != magic.substr(0, sizeof f.magic)) return corrupt("wrong magic");
  if (f.byte_order != kByteOrderMark) return corrupt("written on a machine of the other byte order");
  if (f.version != version)
    return corrupt(
        fmt::format("format version {} (this build reads {}): {}", f.version, version, remedy));
  auto payload = bytes.substr(sizeof f);
  if (payload.size() != f.payload_size)
    return corrupt(fmt::format("{} payload bytes where the header promises {}", payload.size(), f.payload_size));
  if (hash64(payload) != f.payload_checksum) return corrupt("checksum mismatch");
  return payload;
}

}  // namespace snai
