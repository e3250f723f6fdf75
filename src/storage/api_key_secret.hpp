// API key secrets: made from libsodium's CSPRNG and stored only as a hash, never as the secret.
// Both storage backends use these two functions, so a key issued by one authenticates in the other.
//
//   std::string secret = snai::storage::new_api_key_secret();   // "snai_" + 48 hex chars, shown once
//   std::string stored = snai::storage::api_key_hash(secret);     // what api_keys.secret_sha256 holds
#pragma once

#include <string>
#include <string_view>

namespace snai::storage {

// "snai_" followed by 24 random bytes (192 bits, randombytes_buf) as lowercase hex.
std::string new_api_key_secret();

// SHA-256 of the secret as 64 lowercase hex characters (libsodium crypto_hash_sha256).
std::string api_key_hash(std::string_view secret);

}  // namespace snai::storage
