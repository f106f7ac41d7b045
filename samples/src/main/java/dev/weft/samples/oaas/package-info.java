/**
 * The four "Simple Examples" of the OaaS relationships proposal, one sample each: a foreign key with a
 * backref ({@link dev.weft.samples.oaas.ForeignKeySample}, User → Profile), a one-to-one
 * ({@link dev.weft.samples.oaas.OneToOneSample}, Org ↔ Logo), a one-to-many
 * ({@link dev.weft.samples.oaas.OneToManySample}, Blog ↔ Post) and a many-to-many
 * ({@link dev.weft.samples.oaas.ManyToManySample}, Student ↔ Course). The proposal's services become
 * entities; its {@code on_delete} choices {@code restrict}, {@code nullify} and {@code cascade} are Weft's
 * {@code RESTRICT}, {@code SET_NULL} and {@code CASCADE}.
 */
package dev.weft.samples.oaas;
