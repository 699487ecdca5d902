// SPDX-License-Identifier: Apache-2.0
#include "models/common/log.h"

#include <cstdio>
#include <iostream>
#include <vector>

namespace sim::log {
namespace {

struct State {
  Sink* sink = nullptr;
  std::function<std::uint64_t()> time_source;
  Level default_level = Level::kWarn;
  // The most verbose level anywhere: a message above it is rejected without a lookup.
  Level max_level = Level::kWarn;
  std::vector<std::pair<std::string, Level>> component_levels;
};

State& state() {
  static State s;
  return s;
}

StderrSink& stderr_sink() {
  static StderrSink s;
  return s;
}

void recompute_max() {
  State& s = state();
  s.max_level = s.default_level;
  for (const auto& [prefix, level] : s.component_levels)
    if (level > s.max_level) s.max_level = level;
}

} // namespace

const char* level_name(Level level) {
  switch (level) {
  case Level::kError:
    return "E";
  case Level::kWarn:
    return "W";
  case Level::kInfo:
    return "I";
  case Level::kDebug:
    return "D";
  case Level::kTrace:
    return "T";
  }
  return "?";
}

bool parse_level(std::string_view text, Level& out) {
  static const std::pair<const char*, Level> kNames[] = {{"error", Level::kError},
                                                         {"warn", Level::kWarn},
                                                         {"info", Level::kInfo},
                                                         {"debug", Level::kDebug},
                                                         {"trace", Level::kTrace}};
  for (const auto& [name, level] : kNames) {
    if (text == name) {
      out = level;
      return true;
    }
  }
  return false;
}

std::string format_line(Level level, std::uint64_t time_ps, std::string_view component,
                        std::string_view message) {
  char head[64];
  std::snprintf(head, sizeof head, "[%s %.3f ns] ", level_name(level),
                static_cast<double>(time_ps) / 1000.0);
  std::string line(head);
  line.append(component);
  line.append(": ");
  line.append(message);
  return line;
}

void StderrSink::write(Level level, std::uint64_t time_ps, std::string_view component,
                       std::string_view message) {
  std::cerr << format_line(level, time_ps, component, message) << '\n';
}

Sink* set_sink(Sink* sink) {
  Sink* previous = state().sink;
  state().sink = sink;
  return previous;
}

void set_time_source(std::function<std::uint64_t()> source) {
  state().time_source = std::move(source);
}

void set_default_level(Level level) {
  state().default_level = level;
  recompute_max();
}

void set_component_level(const std::string& prefix, Level level) {
  for (auto& entry : state().component_levels) {
    if (entry.first == prefix) {
      entry.second = level;
      recompute_max();
      return;
    }
  }
  state().component_levels.emplace_back(prefix, level);
  recompute_max();
}

void reset_levels() {
  state().component_levels.clear();
  state().default_level = Level::kWarn;
  recompute_max();
}

bool enabled(Level level, std::string_view component) {
  const State& s = state();
  if (level > s.max_level) return false;
  if (s.component_levels.empty()) return level <= s.default_level;
  // The longest matching prefix decides.
  std::size_t best_len = 0;
  Level threshold = s.default_level;
  for (const auto& [prefix, lvl] : s.component_levels) {
    if (component.substr(0, prefix.size()) == prefix && prefix.size() >= best_len) {
      best_len = prefix.size();
      threshold = lvl;
    }
  }
  return level <= threshold;
}

void emit(Level level, std::string_view component, std::string_view message) {
  State& s = state();
  std::uint64_t t = s.time_source ? s.time_source() : 0;
  Sink* sink = s.sink != nullptr ? s.sink : &stderr_sink();
  sink->write(level, t, component, message);
}

} // namespace sim::log
