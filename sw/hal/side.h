// SPDX-License-Identifier: Apache-2.0
#pragma once
// The two ends of the RPMsg link and the two directions between them, as types. Text appears
// only at the edges: a scenario or board file names a side (`side_named`, at load time) and
// reports print one (`side_name`, `direction_key`, `direction_label`); nothing in between parses
// a string back into a side.
//
// The master is the Linux side (the TCC807x sub-core cluster), the remote the Zephyr side (the
// main-core cluster); which hardware cluster plays which side is the board's business
// (models/platform/board_config.h).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace sim {

enum class Side : std::uint8_t { kMaster, kRemote };

inline constexpr std::array<Side, 2> kSides = {Side::kMaster, Side::kRemote};

constexpr std::size_t side_index(Side s) {
  return static_cast<std::size_t>(s);
}

constexpr const char* side_name(Side s) {
  return s == Side::kMaster ? "master" : "remote";
}

constexpr Side peer_of(Side s) {
  return s == Side::kMaster ? Side::kRemote : Side::kMaster;
}

/// The side a file names ("master", "remote"); nullopt for anything else.
constexpr std::optional<Side> side_named(std::string_view name) {
  if (name == "master") return Side::kMaster;
  if (name == "remote") return Side::kRemote;
  return std::nullopt;
}

/// One value per side, indexed by Side.
template <typename T> class PerSide {
public:
  PerSide() = default;
  PerSide(T master, T remote) : values_{std::move(master), std::move(remote)} {}
  T& operator[](Side s) { return values_[side_index(s)]; }
  const T& operator[](Side s) const { return values_[side_index(s)]; }

private:
  std::array<T, 2> values_{};
};

enum class Direction : std::uint8_t { kMasterToRemote, kRemoteToMaster };

inline constexpr std::array<Direction, 2> kDirections = {Direction::kMasterToRemote,
                                                         Direction::kRemoteToMaster};

constexpr Direction direction_from(Side sender) {
  return sender == Side::kMaster ? Direction::kMasterToRemote : Direction::kRemoteToMaster;
}

constexpr Side sender_of(Direction d) {
  return d == Direction::kMasterToRemote ? Side::kMaster : Side::kRemote;
}

constexpr Side receiver_of(Direction d) {
  return peer_of(sender_of(d));
}

/// "master_to_remote": the key in scenario files and report.json.
constexpr const char* direction_key(Direction d) {
  return d == Direction::kMasterToRemote ? "master_to_remote" : "remote_to_master";
}

/// "master -> remote": in summaries, traces and waveforms.
constexpr const char* direction_label(Direction d) {
  return d == Direction::kMasterToRemote ? "master -> remote" : "remote -> master";
}

/// The direction a file names by its key; nullopt for anything else.
constexpr std::optional<Direction> direction_named(std::string_view key) {
  if (key == "master_to_remote") return Direction::kMasterToRemote;
  if (key == "remote_to_master") return Direction::kRemoteToMaster;
  return std::nullopt;
}

} // namespace sim
