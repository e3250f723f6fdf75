// The world's best-known brand names (global brand rankings, big tech, household consumer
// brands; plain English words such as Orange or Target left out), for two things the simple-icons registry cannot do alone: it lacks several of them
// (Microsoft, Oracle ...), and one edit from a famous name is a copy ("Gooogle") while one edit
// from an obscure icon is usually chance.
//
//   for (auto name : famous_brands()) ...   // "Google", "Coca-Cola", ...
#pragma once

#include <span>
#include <string_view>

namespace snai::score {

std::span<const std::string_view> famous_brands();

}  // namespace snai::score
