import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** The tokens are 32 random bytes in base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class ForgotPasswordDto {
  @ApiProperty({ example: 'marie.curie@azur-ia.fr' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'q8Tz3cVb1Jm0XoP2sL9wYe4Rk7Hn5Ga6Fd0Ui1Bt3Ns', description: 'The token of the link in the e-mail.' })
  @IsString()
  @Matches(TOKEN, { message: 'token must be the token of the link in the e-mail' })
  token!: string;

  @ApiProperty({ example: 'a new long and unusual passphrase', description: '12+ characters, not common, not containing the e-mail.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class VerifyEmailDto {
  @ApiProperty({ example: 'q8Tz3cVb1Jm0XoP2sL9wYe4Rk7Hn5Ga6Fd0Ui1Bt3Ns', description: 'The token of the link in the e-mail.' })
  @IsString()
  @Matches(TOKEN, { message: 'token must be the token of the link in the e-mail' })
  token!: string;
}

export class AccountLinkAnswerDto {
  @ApiProperty({
    example: 'If an account uses this address, an e-mail with a link has been sent to it.',
    description: 'The same for every address: whether an account exists is never told.',
  })
  message!: string;
}
