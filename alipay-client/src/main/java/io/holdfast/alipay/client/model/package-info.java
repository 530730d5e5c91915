/**
 * Antom wire records: requests, responses and notification bodies, spelled exactly as Antom spells them.
 *
 * <p>Conventions, all enforced by {@link io.holdfast.alipay.client.AlipayJson}: nulls are omitted when
 * serializing; unknown response fields are ignored; enum values Antom may extend read as {@code UNRECOGNIZED};
 * booleans accept both JSON booleans and the strings {@code "true"}/{@code "false"}; amounts travel as strings in
 * minor units; datetimes stay ISO-8601 strings (see {@link io.holdfast.alipay.client.model.AlipayTimes}) so that an
 * odd format can never make a successful authorization unreadable.
 *
 * <p>Records that can carry card data or tokens override {@code toString()} so they never print them.
 */
package io.holdfast.alipay.client.model;
