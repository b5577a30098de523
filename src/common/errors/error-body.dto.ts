import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'siren' })
  field!: string;

  @ApiProperty({ type: [String], example: ['siren must be a valid SIREN number'] })
  messages!: string[];
}

/** The body of every error response. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code.' })
  code!: string;

  @ApiProperty({ example: 'The request is invalid.' })
  message!: string;

  // A list (failing fields, missing ones) or an object ({ allowed: [...] }); never a scalar.
  @ApiPropertyOptional({
    oneOf: [
      { type: 'array', items: {} },
      { type: 'object', additionalProperties: true },
    ],
    description: 'Extra facts: for VALIDATION_FAILED the list of failing fields, for INVALID_TRANSITION the allowed ones.',
    example: [{ field: 'siren', messages: ['siren must be a valid SIREN number'] }],
  })
  details?: unknown;

  @ApiProperty({ example: '5f0c1c9e-5b7e-4c43-9f3c-6f2a1f0b7d2e', description: 'Also sent as the x-request-id header.' })
  requestId!: string;
}
