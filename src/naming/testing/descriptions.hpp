// Twenty varied one-line company descriptions, shared by the naming data tests and the
// generation benchmark so both exercise the same spread of industries and wordings.
#pragma once

#include <array>
#include <string_view>

namespace snai::naming::testing {

inline constexpr std::array<std::string_view, 20> kDescriptions = {
    "AI note-taking for doctors",
    "dog walking app",
    "solar panels for homes",
    "online marketplace for handmade jewelry",
    "budgeting tool for freelancers",
    "meal kit delivery with local farm produce",
    "language learning through short daily games",
    "cybersecurity monitoring for small businesses",
    "electric bike rental in cities",
    "platform connecting tutors with students",
    "smart thermostat that saves energy",
    "legal contract review with machine learning",
    "fitness coaching by video",
    "recipe sharing community for home cooks",
    "payroll software for restaurants",
    "drone inspection of bridges and power lines",
    "sleep tracking ring",
    "travel planner for group trips",
    "vintage clothing resale",
    "open source database for time series",
};

}  // namespace snai::naming::testing
