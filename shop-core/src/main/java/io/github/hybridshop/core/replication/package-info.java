/**
 * Change data capture from the shop's PostgreSQL (Datastream in the cloud, Debezium locally):
 * {@link io.github.hybridshop.core.replication.ReplicationSetup} prepares publication, slot and a
 * least-privilege role from {@link io.github.hybridshop.core.replication.ReplicationSettings};
 * {@link io.github.hybridshop.core.replication.SlotHealthCheck} judges the slots' retained WAL;
 * {@link io.github.hybridshop.core.replication.Heartbeat} writes the row the analytics side
 * measures freshness by.
 */
package io.github.hybridshop.core.replication;
