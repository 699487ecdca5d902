// SPDX-License-Identifier: Apache-2.0
// OpenAMP release presets: the behaviour table and the error for an unknown release.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sw/zephyr/openamp_release.h"
#include "sw/zephyr/zephyr.h"
#include "tests/support/fake_hal.h"

namespace sim::sw::zephyr {
namespace {

TEST(OpenampRelease, OnlyV2021_10InvalidatesRingZeroInsteadOfTheHead) {
  EXPECT_TRUE(openamp_release("v2021.10").avail_ring_invalidate_before_head);
  for (const char* r : {"v2022.04", "v2023.04", "v2023.10", "v2024.05", "v2024.10"})
    EXPECT_FALSE(openamp_release(r).avail_ring_invalidate_before_head) << r;
}

TEST(OpenampRelease, FixesArriveInTheirReleases) {
  // Each behaviour from the first preset that carries it (introduced) or the first that no
  // longer does (removed), as the flag's comment dates it; every cell of the table must follow:
  // no behaviour appears early, late, or comes back.
  struct Change {
    const char* flag;
    bool OpenampRelease::*member;
    const char* from;  ///< first preset where the change is in
    bool present_from; ///< the behaviour is there from `from` on (else: gone from `from` on)
  };
  const Change changes[] = {
      {"avail_ring_invalidate_before_head", &OpenampRelease::avail_ring_invalidate_before_head,
       "v2022.04", false}, // PR #339, Feb 2022
      {"null_buffer_invalidate", &OpenampRelease::null_buffer_invalidate, "v2023.04",
       false}, // PR #466
      {"invalidate_on_rx_return", &OpenampRelease::invalidate_on_rx_return, "v2023.04",
       true}, // PR #465
      {"kick_on_release", &OpenampRelease::kick_on_release, "v2023.04",
       true}, // 2b6a38a (v2022.10, the first preset after it is v2023.04)
      {"rsc_table_invalidate", &OpenampRelease::rsc_table_invalidate, "v2023.10", true}, // PR #500
      {"hold_counter", &OpenampRelease::hold_counter, "v2023.10", true},                 // b32187e
      {"notify_wait_cb", &OpenampRelease::notify_wait_cb, "v2024.05", true},             // 15b4a8b
      {"kick_per_rx_buffer", &OpenampRelease::kick_per_rx_buffer, "v2024.10", true},     // PR #615
  };
  const std::vector<OpenampRelease>& releases = openamp_releases();
  for (const Change& c : changes) {
    bool reached = false;
    for (const OpenampRelease& r : releases) {
      reached = reached || std::string(r.name) == c.from;
      EXPECT_EQ(r.*c.member, reached == c.present_from) << c.flag << " in " << r.name;
    }
    EXPECT_TRUE(reached) << c.flag << ": no preset " << c.from;
  }
}

TEST(OpenampRelease, ZephyrDefaultIsAPreset) {
  EXPECT_STREQ(openamp_release(ZephyrOptions{}.release).name, "v2024.05");
  EXPECT_EQ(openamp_releases().size(), 6u);
}

TEST(OpenampRelease, UnknownReleaseListsTheValidOnes) {
  try {
    openamp_release("v2020.04");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("v2020.04"), std::string::npos);
    EXPECT_NE(what.find("v2021.10, v2022.04, v2023.04, v2023.10, v2024.05, v2024.10"),
              std::string::npos)
        << what;
  }
}

TEST(OpenampRelease, BootRejectsAnUnknownReleaseBeforeTouchingHardware) {
  test::FakeHal hal("remote");
  ZephyrOptions options;
  options.release = "v2099.01";
  ZephyrStatus status;
  EXPECT_THROW(boot(hal, PlatformInfo{}, options, {}, status), std::invalid_argument);
  EXPECT_TRUE(hal.accesses().empty());
}

} // namespace
} // namespace sim::sw::zephyr
