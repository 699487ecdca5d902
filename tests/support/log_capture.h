// SPDX-License-Identifier: Apache-2.0
#pragma once
// A log sink installed for every test: warnings and errors fail the test unless the test declared
// it expects them (vcml's mock publisher idea).

#include <string>
#include <vector>

#include "models/common/log.h"

namespace sim::test {

class LogCapture : public log::Sink {
public:
  struct Line {
    log::Level level;
    std::string component;
    std::string message;
  };

  void write(log::Level level, std::uint64_t time_ps, std::string_view component,
             std::string_view message) override;

  /// Declares that a warning/error containing `substring` is expected in this test.
  void expect(log::Level level, const std::string& substring);
  bool contains(const std::string& substring) const;
  const std::vector<Line>& lines() const { return lines_; }
  /// Fails the current test for expected lines that never came.
  void verify_expectations();
  void clear();

  static LogCapture& instance();

private:
  struct Expectation {
    log::Level level;
    std::string substring;
    bool seen = false;
  };
  std::vector<Line> lines_;
  std::vector<Expectation> expectations_;
};

} // namespace sim::test
