// API key secrets: made from libsodium's CSPRNG and stored only as a hash, never as the secret.
// Both storage backends use these two functions, so a key issued by one authenticates in the other.
//
//   std::string secret = snai::storage::new_api_key_secret();   // "snai_" + 48 hex chars, shown once
//   std::string stored = snai::storage::api_key_hash(secret);     // what api_keys.secret_sha256 holds
#pragma once

#include <string>
#include <string_view>

#include "storage/storage.hpp"

namespace snai::storage {

// Every secret starts with this; the stored prefix (what people see) is the first 12 characters.
inline constexpr std::string_view kApiKeySecretPrefix = "snai_";
inline constexpr std::size_t kApiKeyShownPrefixLength = 12;

// "snai_" followed by 24 random bytes (192 bits, randombytes_buf) as lowercase hex.
std::string new_api_key_secret();

// SHA-256 of the secret as 64 lowercase hex characters (libsodium crypto_hash_sha256).
std::string api_key_hash(std::string_view secret);

// A new key for `user_id`: a fresh secret and the row to store for it (new id, shown prefix,
// created now, not revoked). The label is not checked here: see validate_api_key_label.
IssuedApiKey new_api_key(std::string_view user_id, std::string_view label);

}  // namespace snai::storage
