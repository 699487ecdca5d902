// SPDX-License-Identifier: Apache-2.0
#include "models/common/units.h"

#include <gtest/gtest.h>

namespace sim {
namespace {

TEST(Units, ParsesBinaryAndDecimalSizes) {
  EXPECT_EQ(parse_bytes("64B"), 64u);
  EXPECT_EQ(parse_bytes("32KiB"), 32u * 1024);
  EXPECT_EQ(parse_bytes("2GiB"), 2ull << 30);
  EXPECT_EQ(parse_bytes("0x2000"), 0x2000u);
  EXPECT_EQ(parse_bytes("4096"), 4096u);
  EXPECT_EQ(parse_bytes("1.5KiB"), 1536u);
  EXPECT_EQ(parse_bytes("1KB"), 1000u);
}

TEST(Units, RejectsSizeWithUnknownUnit) {
  EXPECT_THROW(parse_bytes("32KB2"), UnitError);
  EXPECT_THROW(parse_bytes("32 kilobytes"), UnitError);
  EXPECT_THROW(parse_bytes("KiB"), UnitError);
  EXPECT_THROW(parse_bytes("0.3B"), UnitError);
}

TEST(Units, ATimeWithoutDigitsIsNoNumber) {
  for (const char* bad : {"_", "_ms", ".", ".s", "0x_", "0x"})
    EXPECT_THROW(parse_time(bad), UnitError) << bad;
  EXPECT_EQ(parse_time("0"), 0u);
  EXPECT_EQ(parse_time("1_000ns"), 1000u * kPsPerNs);
}

TEST(Units, ParsesTimes) {
  EXPECT_EQ(parse_time("80ns"), 80 * kPsPerNs);
  EXPECT_EQ(parse_time("1us"), kPsPerUs);
  EXPECT_EQ(parse_time("1.5ms"), 1500 * kPsPerUs);
  EXPECT_EQ(parse_time("2s"), 2 * kPsPerS);
  EXPECT_EQ(parse_time("0"), 0u);
  EXPECT_THROW(parse_time("80"), UnitError);
  EXPECT_THROW(parse_time("80nss"), UnitError);
}

TEST(Units, ParsesFrequenciesAndPeriods) {
  EXPECT_EQ(parse_frequency_hz("1.5GHz"), 1500000000u);
  EXPECT_EQ(parse_frequency_hz("400MHz"), 400000000u);
  EXPECT_EQ(parse_frequency_hz("115200Hz"), 115200u);
  EXPECT_EQ(period_ps(1000000000u), 1000u);
  EXPECT_EQ(period_ps(1500000000u), 667u);
  EXPECT_THROW(parse_frequency_hz("0Hz"), UnitError);
  EXPECT_THROW(parse_frequency_hz("1.5Ghz"), UnitError);
}

TEST(Units, ParsesLatencyInCyclesOrTime) {
  Latency c = parse_latency("4cycles");
  EXPECT_TRUE(c.in_cycles);
  EXPECT_EQ(c.resolve(667), 4u * 667);
  Latency t = parse_latency("90ns");
  EXPECT_FALSE(t.in_cycles);
  EXPECT_EQ(t.resolve(667), 90u * kPsPerNs);
  EXPECT_THROW(parse_latency("4cyc"), UnitError);
}

TEST(Units, ParsesHexAndDecimalIntegersWithSeparators) {
  EXPECT_EQ(parse_uint("0x1746_0000"), 0x17460000u);
  EXPECT_EQ(parse_uint("1_000"), 1000u);
  EXPECT_THROW(parse_uint("-1"), UnitError);
  EXPECT_THROW(parse_uint("0x"), UnitError);
  EXPECT_THROW(parse_uint("0xFFFFFFFFFFFFFFFFF"), UnitError);
}

TEST(Units, FormatsForHumans) {
  EXPECT_EQ(format_bytes(32 * 1024), "32 KiB");
  EXPECT_EQ(format_bytes(100), "100 B");
  EXPECT_EQ(format_hex(0x200c6000), "0x200c6000");
  EXPECT_EQ(format_time(5200 * kPsPerUs), "5.200 ms");
}

} // namespace
} // namespace sim
