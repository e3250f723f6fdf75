#include "storage/api_key_secret.hpp"

#include <array>
#include <cstdlib>
#include <sodium.h>

#include "core/clock.hpp"
#include "core/id.hpp"

namespace snai::storage {
namespace {

void ensure_sodium() {
  // sodium_init() is thread-safe and idempotent; -1 means no usable entropy source, and then
  // no secret can be made safely.
  static const int ready = sodium_init();
  if (ready < 0) std::abort();
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string new_api_key_secret() {
  ensure_sodium();
  std::array<unsigned char, 24> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string secret = std::string(kApiKeySecretPrefix) + to_hex(bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return secret;
}

// A fast hash is the right tool here: the secrets are 192 bits from a CSPRNG, so there is no
// dictionary to guess from and a slow password hash (Argon2) would only cost every request
// time. Plain SHA-256 also keeps the hashes of keys issued before this change valid, and the
// column name (secret_sha256) honest.
std::string api_key_hash(std::string_view secret) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  return to_hex(digest.data(), digest.size());
}

IssuedApiKey new_api_key(std::string_view user_id, std::string_view label) {
  IssuedApiKey issued;
  issued.secret = new_api_key_secret();
  issued.key = {new_id(), std::string(user_id), std::string(label), issued.secret.substr(0, kApiKeyShownPrefixLength),
                now_unix_ms(), {}};
  return issued;
}

}  // namespace snai::storage
