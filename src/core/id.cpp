#include "core/id.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <fmt/format.h>
#include <mutex>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace snai {
namespace {

void fill_random(unsigned char* out, std::size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("RAND_bytes failed");
}

// The random bits of ids, drawn from the same source 4 KiB at a time: one RAND_bytes call (locks
// and a DRBG round) per id was a noticeable share of a cached HTTP answer (a request id each).
void fill_random_buffered(unsigned char* out, std::size_t n) {
  constexpr std::size_t kPool = 4096;
  thread_local std::array<unsigned char, kPool> pool;
  thread_local std::size_t used = kPool;
  if (n > kPool) return fill_random(out, n);
  if (kPool - used < n) {
    fill_random(pool.data(), kPool);
    used = 0;
  }
  std::copy_n(pool.begin() + static_cast<std::ptrdiff_t>(used), n, out);
  used += n;
}

std::string to_hex(const unsigned char* data, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 0xf];
  }
  return out;
}

std::string format_uuid(const std::array<unsigned char, 16>& b) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += digits[b[i] >> 4];
    out += digits[b[i] & 0xf];
  }
  return out;
}

// RFC 9562 method 1: a 12-bit counter in rand_a keeps ids monotonic within a millisecond.
std::string uuid7(std::int64_t unix_ms, bool monotonic) {
  static std::mutex mu;
  static std::int64_t last_ms = -1;
  static std::uint16_t counter = 0;
  std::array<unsigned char, 16> b{};
  fill_random_buffered(b.data(), b.size());
  std::uint16_t seq = static_cast<std::uint16_t>(((b[6] & 0x0f) << 8) | b[7]);
  if (monotonic) {
    std::lock_guard lock(mu);
    if (unix_ms <= last_ms) {
      unix_ms = last_ms;
      if (++counter > 0x0fff) {  // counter overflow: borrow the next millisecond
        ++unix_ms;
        counter = seq & 0x07ff;
      }
    } else {
      counter = seq & 0x07ff;  // random start with headroom
    }
    last_ms = unix_ms;
    seq = counter;
  }
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(unix_ms >> (8 * (5 - i)));
  b[6] = static_cast<unsigned char>(0x70 | ((seq >> 8) & 0x0f));
  b[7] = static_cast<unsigned char>(seq & 0xff);
  b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f));
  return format_uuid(b);
}

}  // namespace

std::string new_id() {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return uuid7(now.count(), true);
}

std::string new_id_at(std::int64_t unix_ms) { return uuid7(unix_ms, false); }

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  fill_random(reinterpret_cast<unsigned char*>(raw.data()), bytes);
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), bytes);
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("EVP_Digest failed");
  return to_hex(digest, len);
}

}  // namespace snai
