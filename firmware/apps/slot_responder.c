/* SPDX-License-Identifier: Apache-2.0 */
/* A responder like Zephyr's rpmsg client sample responder (samples/subsys/ipc/openamp_rsc_table,
   app_rpmsg_client_sample), on bare metal over the real OpenAMP: the endpoint callback copies
   each message into one 20-byte slot and raises a flag; the main loop takes the slot, prints it
   on UART0 and echoes it. The callbacks run inside OpenAMP's drain of the receive ring
   (platform_poll -> rproc_virtio_notified), which takes every buffer waiting, one callback after
   the other, before the main loop looks at the slot again: a burst that queued while the loop
   printed leaves only its last message in the slot (real-bugs B8), by the same mechanism as the
   sample's cooperative rpmsg thread outrunning its application thread. */
#include <openamp/open_amp.h>
#include <stdio.h>
#include <string.h>

#include "ipcsim_probe.h"
#include "platform_info.h"

#ifndef VIRTIO_DEV_DEVICE
#define VIRTIO_DEV_DEVICE VIRTIO_DEV_SLAVE /* the name until v2022.04 */
#endif

#define SERVICE_NAME "rpmsg-client-sample"
#define SLOT_SIZE 20
/* The slot as the sample names it (rx_sc_msg), and as ipcsim's model of it reports it. Messages
   longer than the slot are cut to it here (the sample's memcpy would overrun it); ipcsim's
   ledger cannot match such a copy to its message. */
#define SLOT_NAME "rx_sc_msg slot"
#define MESSAGES 100

static struct rpmsg_endpoint ept;
static char slot[SLOT_SIZE + 1];
static volatile size_t slot_len;
static volatile int slot_full;
static unsigned overwritten;

static int on_message(struct rpmsg_endpoint* e, void* data, size_t len, uint32_t src, void* priv) {
  (void)src;
  (void)priv;
  if (slot_full) {
    /* The main loop has not taken the previous message: the copy below destroys it. */
    ++overwritten;
    ipcsim_app_lost(e->addr, slot, slot_len, SLOT_NAME, "slot_overwritten");
  }
  memcpy(slot, data, len < SLOT_SIZE ? len : SLOT_SIZE);
  slot_len = len < SLOT_SIZE ? len : SLOT_SIZE;
  slot_full = 1;
  ipcsim_app_kept(e->addr, data, len, SLOT_NAME);
  return RPMSG_SUCCESS;
}

int main(void) {
  void* platform;
  printf("OpenAMP[remote] Linux sample client responder started\n");
  if (platform_init(0, NULL, &platform)) return 1;
  struct rpmsg_device* rdev =
      platform_create_rpmsg_vdev(platform, 0, VIRTIO_DEV_DEVICE, NULL, NULL);
  if (!rdev) return 1;
  if (rpmsg_create_ept(&ept, rdev, SERVICE_NAME, RPMSG_ADDR_ANY, RPMSG_ADDR_ANY, on_message, NULL))
    return 1;
  unsigned count = 0;
  while (count < MESSAGES) {
    platform_poll(platform);
    if (!slot_full) continue;
    char text[SLOT_SIZE + 1];
    const size_t len = slot_len;
    memcpy(text, slot, len);
    text[len] = 0;
    slot_full = 0;
    ++count;
    ipcsim_app_taken(ept.addr, text, len);
    printf("[Linux sample client] incoming msg %u: %s\n", count, text);
    rpmsg_send(&ept, text, len);
  }
  printf("OpenAMP Linux sample client responder ended (%u overwritten in the slot)\n", overwritten);
  for (;;) platform_poll(platform);
}
