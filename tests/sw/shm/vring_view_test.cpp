// SPDX-License-Identifier: Apache-2.0
// VringView: right offsets, one HAL access of the field's exact width per accessor.
#include <gtest/gtest.h>

#include "sw/shm/vring_view.h"
#include "tests/support/fake_hal.h"
#include "tests/sw/shm/access_matchers.h"

namespace sim::sw::shm {
namespace {

using test::expect_single_access;
using test::FakeHal;
using Kind = FakeHal::AccessKind;

constexpr hal::Addr kVring1 = 0x200c9000;

class VringViewTest : public ::testing::Test {
protected:
  FakeHal hal_;
  VringView vring_{hal_, kVring1, 8, 16};
};

TEST_F(VringViewTest, DescriptorFieldsUseTheirOwnWidths) {
  vring_.set_desc_addr(5, 0x200ca000);
  expect_single_access(hal_, kVring1 + 0x50, 8, Kind::kWrite);
  vring_.set_desc_len(5, 512);
  expect_single_access(hal_, kVring1 + 0x58, 4, Kind::kWrite);
  vring_.set_desc_flags(5, kVringDescFWrite);
  expect_single_access(hal_, kVring1 + 0x5C, 2, Kind::kWrite);
  vring_.set_desc_next(5, 6);
  expect_single_access(hal_, kVring1 + 0x5E, 2, Kind::kWrite);

  EXPECT_EQ(vring_.desc_addr(5), 0x200ca000u);
  expect_single_access(hal_, kVring1 + 0x50, 8, Kind::kRead);
  VringDesc d = vring_.read_desc(5);
  EXPECT_EQ(d.addr, 0x200ca000u);
  EXPECT_EQ(d.len, 512u);
  EXPECT_EQ(d.flags, kVringDescFWrite);
  EXPECT_EQ(d.next, 6u);
  EXPECT_EQ(hal_.accesses().size(), 4u);
}

TEST_F(VringViewTest, AvailFieldsAreHalfwordsAtTheWorkedOffsets) {
  vring_.set_avail_flags(kVringAvailFNoInterrupt);
  expect_single_access(hal_, kVring1 + 0x80, 2, Kind::kWrite);
  vring_.set_avail_idx(3);
  expect_single_access(hal_, kVring1 + 0x82, 2, Kind::kWrite);
  vring_.set_avail_ring(3, 7);
  expect_single_access(hal_, kVring1 + 0x8A, 2, Kind::kWrite);
  vring_.set_used_event(9);
  expect_single_access(hal_, kVring1 + 0x94, 2, Kind::kWrite);
  EXPECT_EQ(vring_.avail_ring(3), 7u);
  expect_single_access(hal_, kVring1 + 0x8A, 2, Kind::kRead);
  EXPECT_EQ(vring_.avail_idx(), 3u);
  EXPECT_EQ(vring_.used_event(), 9u);
}

TEST_F(VringViewTest, UsedFieldsAreAtTheAlignedUsedRing) {
  vring_.set_used_flags(kVringUsedFNoNotify);
  expect_single_access(hal_, kVring1 + 0xA0, 2, Kind::kWrite);
  vring_.set_used_idx(1);
  expect_single_access(hal_, kVring1 + 0xA2, 2, Kind::kWrite);
  vring_.set_used_ring_id(2, 4);
  expect_single_access(hal_, kVring1 + 0xB4, 4, Kind::kWrite);
  vring_.set_used_ring_len(2, 28);
  expect_single_access(hal_, kVring1 + 0xB8, 4, Kind::kWrite);
  vring_.set_avail_event(5);
  expect_single_access(hal_, kVring1 + 0xE4, 2, Kind::kWrite);
  EXPECT_EQ(vring_.used_idx(), 1u);
  expect_single_access(hal_, kVring1 + 0xA2, 2, Kind::kRead);
  EXPECT_EQ(vring_.used_ring_len(2), 28u);
  expect_single_access(hal_, kVring1 + 0xB8, 4, Kind::kRead);
  EXPECT_EQ(vring_.used_flags(), kVringUsedFNoNotify);
  EXPECT_EQ(vring_.used_ring_id(2), 4u);
  EXPECT_EQ(vring_.avail_event(), 5u);
}

TEST_F(VringViewTest, StoresAreLittleEndianInMemory) {
  vring_.set_used_idx(0x1234);
  EXPECT_EQ(hal_.peek(kVring1 + 0xA2, 2), (std::vector<std::uint8_t>{0x34, 0x12}));
}

TEST_F(VringViewTest, RingIndexOutOfRangePanics) {
  EXPECT_THROW(vring_.avail_ring(8), test::FakeHalPanic);
  EXPECT_THROW(vring_.set_used_ring_id(8, 0), test::FakeHalPanic);
  EXPECT_THROW(vring_.desc_len(8), test::FakeHalPanic);
}

TEST_F(VringViewTest, AtGivesAbsoluteAddressesForMaintenance) {
  EXPECT_EQ(vring_.at(vring_.layout().avail_idx()), kVring1 + 0x82);
  EXPECT_EQ(vring_.num(), 8u);
}

} // namespace
} // namespace sim::sw::shm
