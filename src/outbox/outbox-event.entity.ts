import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A fact that search or notifications must learn about, written in the same transaction as the
 * change it describes and delivered later by the outbox worker (DESIGN §2).
 */
@Entity('outbox_event')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Enqueue order (an identity column): events are delivered in it. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  seq!: string;

  @Column('text')
  topic!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt!: Date;

  @Column('timestamptz', { nullable: true })
  processedAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
